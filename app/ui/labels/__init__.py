"""The Labels screen, one module per tab: queue (print and re-print), designer, calibration."""
