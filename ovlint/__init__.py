"""ovlint: finds removed and deprecated OpenVINO APIs and tools, and migrates them."""
__version__ = "0.1.0"
