"""Command line: ``python -m course_lib doctor | warmup | figures``.

* ``doctor``  checks the installation (what a learner needs; ``--dev`` adds the test and workshop tools);
* ``warmup``  compiles every numba kernel into the cache (``make lab``/``make test`` run it; Binder's
  ``postBuild`` and Colab's first cell can), printing specialisations and compile time per kernel;
* ``figures`` rebuilds the static figures (``make figures``).
"""
import sys

COMMANDS = ("doctor", "warmup", "figures")


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "doctor"
    if command == "doctor":
        from .doctor import main as doctor_main

        return doctor_main(args[1:])
    if command == "warmup":
        from ._internal.warmup import main as warmup_main

        return warmup_main(args[1:])
    if command == "figures":
        from .figures import main as figures_main

        figures_main(args[1:])
        return 0
    print(f"unknown command {command!r}; use: python -m course_lib {' | '.join(COMMANDS)}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
