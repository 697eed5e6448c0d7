"""OV5xx: Discontinued components: frameworks, devices, Model Server settings, install layouts, Python versions."""
PREFIX = "OV5"
TITLE = "discontinued components"
