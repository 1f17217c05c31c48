"""Qt-free label printing: templates, layout, PDF, bitmaps for TSPL/ZPL printers, calibration."""
