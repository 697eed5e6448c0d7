"""OV7xx: OpenVINO GenAI API changes."""
PREFIX = "OV7"
TITLE = "OpenVINO GenAI"
