#!/usr/bin/env python3
"""Every system header the build used, every library it linked and every program the
tests and scripts run comes from a Debian package that deploy/setup.sh installs: one it
names, one those depend on (Depends/Pre-Depends, never Recommends: setup.sh installs with
--no-install-recommends), or one a bare Debian 12 already has (debootstrap's default set:
Essential and Priority required/important).

Reads what the build really used: the compiler's dependency files (*.o.d) and link lines
(link.txt) under each build directory given. A failure names the header, library or
program, its package, and the line to add to deploy/setup.sh.

usage: setup_coverage_test.py SOURCE_DIR BUILD_DIR [BUILD_DIR ...]
"""
import glob
import os
import re
import sys

DPKG_STATUS = "/var/lib/dpkg/status"
DPKG_INFO = "/var/lib/dpkg/info"
SOURCE_DIR = "."   # set by main(): users inside it are named relative to it
PROGRAM_DIRS = ("/usr/bin", "/usr/sbin", "/bin", "/sbin")

# Files whose programs are for people, not the build or the tests: they say what they
# need themselves (README "Dependencies").
SCRIPTS_FOR_PEOPLE = {
    "deploy/try-in-container.sh",   # debootstrap, systemd-nspawn, qemu: trying the session by hand
    "deploy/try-fresh.sh",          # debootstrap: trying the README on a fresh root by hand
    "tests/bench/side_by_side.py",  # chromium: the on-demand comparison (README "Dependencies")
}
# Words in the scanned text that name a program but are not a run of it.
NOT_A_RUN = {
    "import",    # `kiosk import-csv` and the C++ word, not ImageMagick's import
    "display",   # the X display, not ImageMagick's display
    "kiosk",     # our own program
}


def read_paragraphs(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    for block in text.split("\n\n"):
        fields, key = {}, None
        for line in block.splitlines():
            if line.startswith((" ", "\t")) and key:
                fields[key] += "\n" + line.strip()
            elif ":" in line:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        if "Package" in fields:
            yield fields


class Packages:
    """The installed packages, their dependencies, and which owns a file."""

    def __init__(self):
        self.installed = {}   # name -> fields
        self.providers = {}   # virtual name -> installed packages providing it
        for p in read_paragraphs(DPKG_STATUS):
            if not p.get("Status", "").endswith(" installed"):
                continue
            self.installed[p["Package"]] = p
            for alt in self._names(p.get("Provides", "")):
                self.providers.setdefault(alt, []).append(p["Package"])
        self.owner = {}
        for lst in glob.glob(os.path.join(DPKG_INFO, "*.list")):
            pkg = os.path.basename(lst)[:-5].split(":")[0]
            with open(lst, encoding="utf-8", errors="replace") as f:
                for line in f:
                    self.owner.setdefault(line.rstrip("\n"), pkg)

    @staticmethod
    def _names(field):
        return [re.sub(r"[:\s(].*", "", a.strip()) for a in field.split(",") if a.strip()]

    def in_base_system(self, pkg):
        p = self.installed.get(pkg, {})
        return p.get("Essential") == "yes" or p.get("Priority") in ("required", "important")

    def _resolve(self, name):
        if name in self.installed:
            return name
        for provider in self.providers.get(name, []):
            return provider
        return None

    def closure(self, named):
        """The named packages and what apt installs with them (first satisfiable alternative)."""
        seen, todo = set(), list(named)
        while todo:
            pkg = self._resolve(todo.pop())
            if not pkg or pkg in seen:
                continue
            seen.add(pkg)
            fields = self.installed[pkg]
            for dep in ",".join([fields.get("Depends", ""), fields.get("Pre-Depends", "")]).split(","):
                for alt in dep.split("|"):
                    name = re.sub(r"[:\s(].*", "", alt.strip())
                    resolved = self._resolve(name) if name else None
                    if resolved:
                        todo.append(resolved)
                        break
        return seen

    def owner_of(self, path):
        candidates = [path, os.path.realpath(path)]
        for c in list(candidates):   # usrmerge: dpkg may know /bin/x as /bin/x or /usr/bin/x
            if c.startswith("/usr/"):
                candidates.append(c[4:])
            else:
                candidates.append("/usr" + c)
        for c in candidates:
            if c in self.owner:
                return self.owner[c]
        return None


def named_in_setup(source_dir):
    with open(os.path.join(source_dir, "deploy/setup.sh"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r'PACKAGES="([^"]*)"', text)
    if not m:
        sys.exit("deploy/setup.sh: no PACKAGES=\"…\" list found")
    return [w for line in m.group(1).splitlines() for w in line.split("#")[0].split()]


def used_headers(build_dirs):
    """header path -> one source file that included it"""
    used = {}
    for build in build_dirs:
        for dep in glob.glob(os.path.join(build, "**", "*.o.d"), recursive=True):
            with open(dep, encoding="utf-8", errors="replace") as f:
                words = f.read().replace("\\\n", " ").split()
            if len(words) < 2:
                continue
            source = os.path.normpath(os.path.join(build, words[1]))
            if source.startswith(SOURCE_DIR + os.sep):
                source = os.path.relpath(source, SOURCE_DIR)
            for w in words[2:]:
                if w.startswith("/usr/") or w.startswith("/lib"):
                    used.setdefault(os.path.normpath(w), source)
    return used


def used_libraries(build_dirs):
    """library path -> the target that links it"""
    used = {}
    lib_dirs = ["/usr/lib/x86_64-linux-gnu", "/usr/lib", "/lib/x86_64-linux-gnu"]
    for build in build_dirs:
        for link in glob.glob(os.path.join(build, "**", "link.txt"), recursive=True):
            target = os.path.basename(os.path.dirname(link)).removesuffix(".dir")
            with open(link, encoding="utf-8", errors="replace") as f:
                for w in f.read().split():
                    if w.startswith("/usr/") and re.search(r"\.(so|a)(\.\d+)*$", w):
                        used.setdefault(w, target)
                    elif w.startswith("-l") and len(w) > 2:
                        for d in lib_dirs:
                            for suffix in (".so", ".a"):
                                p = os.path.join(d, "lib" + w[2:] + suffix)
                                if os.path.exists(p):
                                    used.setdefault(p, target)
                                    break
                            else:
                                continue
                            break
    return used


STRING_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
COMMENT_LINE = re.compile(r"^\s*(#|//)")
COMMAND_SEPARATOR = re.compile(r"\|\||&&|\||;|\$\(|`|\bthen\b|\bdo\b|\belse\b")
RUNS_A_PROGRAM = re.compile(r"\bexec[lv]p?e?\(|\bpopen\(|\bsystem\(|\bsubprocess\.|\bPopen\(")
# "prog -x …", "prog … | …", or " prog " spliced between variables.
LOOKS_LIKE_A_COMMAND = re.compile(r"^\S+ (.* )?(--?[a-zA-Z]|[|>]|'|\$)|^ [\w.+-]+ $")
# Python argv lists, also split over lines: ["prog", "--option", …] or a line starting "prog", "-x", ….
ARGV_LIST_START = re.compile(r'(?:^|[\[(])\s*"([\w.+-]+)"\s*,\s*f?"-')
# Words before a program's name that run it: shell keywords and wrappers.
RUNS_NEXT = {"if", "elif", "while", "until", "!", "exec", "env", "nice", "sudo", "command", "time", "xargs",
             "-u", "-n", "-a", "-s"}


def scanned_files(source_dir):
    patterns = ["tests/**/*.cpp", "tests/**/*.h", "tests/**/*.py", "tests/**/*.sh", "tests/**/*.cmake",
                "tests/**/CMakeLists.txt", "deploy/*.sh", "deploy/*.cmake", "deploy/kiosk-session",
                "deploy/debian/*", ".ci/run", "CMakeLists.txt"]
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(source_dir, pattern), recursive=True)):
            rel = os.path.relpath(path, source_dir)
            if rel not in SCRIPTS_FOR_PEOPLE and os.path.isfile(path):
                yield rel, path


def first_words(command):
    """The program each part of a shell command line runs."""
    for part in COMMAND_SEPARATOR.split(command):
        words = part.split()
        while words and (words[0] in RUNS_NEXT or "=" in words[0] or words[0].isdigit()
                         or (words[0] == "timeout" and len(words) > 1 and words[1][:1].isdigit())):
            words = words[2:] if words[0] == "timeout" else words[1:]
        if words:
            yield words[0].strip("'\"()")


def program_words(rel, path):
    """Words in a command's place: in C++ and Python inside string literals (commands are
    strings there), in CMake after COMMAND, in shell scripts at the start of each command."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    for number, line in enumerate(lines, 1):
        if COMMENT_LINE.match(line):
            continue
        if rel.endswith((".cpp", ".h", ".py")):   # a literal with options or pipes, or one that is run
            runs = RUNS_A_PROGRAM.search(line)
            commands = [s for s in STRING_LITERAL.findall(line) if runs or LOOKS_LIKE_A_COMMAND.search(s)]
            if rel.endswith(".py"):
                commands += ARGV_LIST_START.findall(line)
        elif rel.endswith((".cmake", "CMakeLists.txt")):
            commands = [m for m in re.findall(r"\bCOMMAND\s+(.*)", line)]
        else:
            commands = [line.split(" #")[0]]
        for command in commands:
            for w in first_words(command):
                yield os.path.basename(w), f"{rel}:{number}"


def build_programs(build_dirs):
    """The compiler, archiver and make program each build directory was configured with.

    Not CMAKE_LINKER: CMake records whatever linker it finds (lld, when a machine has it) but links
    through the compiler driver, whose own linker comes with the compiler's packages."""
    used = {}
    for build in build_dirs:
        cache = os.path.join(build, "CMakeCache.txt")
        if not os.path.exists(cache):
            continue
        with open(cache, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.match(r"(CMAKE_CXX_COMPILER|CMAKE_AR|CMAKE_RANLIB|CMAKE_MAKE_PROGRAM):\w+=(/\S+)", line)
                if m:
                    used.setdefault(os.path.realpath(m.group(2)), f"{cache} ({m.group(1)})")
    return used


def used_programs(source_dir, build_dirs):
    """program path -> first place it is named"""
    used = build_programs(build_dirs)
    for rel, path in scanned_files(source_dir):
        for word, where in program_words(rel, path):
            if word in NOT_A_RUN:
                continue
            for d in PROGRAM_DIRS:
                p = os.path.join(d, word)
                if os.path.isfile(p) and os.access(p, os.X_OK):
                    used.setdefault(os.path.join("/usr/bin" if d == "/bin" else d, word), where)
                    break
    return used


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    global SOURCE_DIR
    source_dir, build_dirs = sys.argv[1], [d for d in sys.argv[2:] if os.path.isdir(d)]
    SOURCE_DIR = os.path.realpath(source_dir)
    packages = Packages()
    named = named_in_setup(source_dir)
    not_installed = [p for p in named if p not in packages.installed]
    if not_installed:
        print("deploy/setup.sh names packages that are not installed (run it first): " + " ".join(not_installed))
        return 1
    covered = packages.closure(named)

    checks = [("header", used_headers(build_dirs), "included by"),
              ("library", used_libraries(build_dirs), "linked into"),
              ("program", used_programs(source_dir, build_dirs), "run in")]
    failures, counts = [], []
    for kind, used, verb in checks:
        counted = set()
        for path, user in sorted(used.items()):
            pkg = packages.owner_of(path)
            if pkg is None:   # made by the build or a local install: no package to name
                continue
            counted.add(pkg)
            if pkg in covered or packages.in_base_system(pkg):
                continue
            failures.append(f"{kind} {path} ({verb} {user}) comes from the package {pkg}, which deploy/setup.sh "
                            f"neither names nor installs as a dependency of one it names. Add it to PACKAGES in "
                            f"deploy/setup.sh:\n  {pkg}")
        counts.append(f"{len(used)} {kind.replace('ry', 'rie')}s from {len(counted)} packages")
    print(f"setup coverage: {', '.join(counts)}; deploy/setup.sh names {len(named)} packages, "
          f"{len(covered)} with their dependencies; build directories: {', '.join(build_dirs) or 'none'}")
    seen = set()
    for f in failures:
        pkg = f.rsplit("\n  ", 1)[1]
        if pkg not in seen:   # one message a package: the first user names it
            seen.add(pkg)
            print("MISSING: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
