"""Names vulture reports but that a protocol requires (``make lint`` runs vulture with this file).

Each is a parameter another library passes by name or position, so it must exist even
when aidlib's code does not read it.
"""

# IPython's display protocol: _repr_mimebundle_(include=None, exclude=None) (aidlib.analysis.publish)
include
exclude
# argparse.Action.__call__(parser, namespace, values, option_string) (aidlib.cli._VersionAction)
namespace
option_string
# a signal handler's (signum, frame) (aidlib.cli.main's SIGTERM handler)
signum
# warnings.showwarning(message, category, filename, lineno, file, line) (aidlib.cli.main)
category
lineno
