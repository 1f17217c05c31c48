"""``shuwu-server`` commands: one module each, discovered by shuwu_shared.cli.register_commands."""

# command → module, so that one command's call imports only its own module.
COMMANDS = {
    "branch": "branch",
    "bundle": "bundle",
    "device": "device",
    "exceptions": "exceptions",
    "init": "init",
    "report": "report",
    "report-settings": "report",
    "serve": "serve",
    "staff": "staff",
    "targets": "targets",
}
