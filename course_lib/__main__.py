"""``python -m course_lib doctor`` checks the installation; ``python -m course_lib figures`` rebuilds figures/."""
import sys


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "doctor"
    if command == "doctor":
        from .doctor import main as doctor_main

        return doctor_main(args[1:])
    if command == "figures":
        from .figures import main as figures_main

        figures_main(args[1:])
        return 0
    print(f"unknown command {command!r}; use: python -m course_lib doctor | figures", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
