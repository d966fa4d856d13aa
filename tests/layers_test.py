#!/usr/bin/env python3
"""Keeps the layers (README "Layout"): each folder of shared/ and kiosk/ includes only
its own folder and those below it, and nothing in shared/ includes ImGui, GLFW or GL.

usage: layers_test.py SOURCE_DIR
"""
import glob
import os
import re
import sys

# Lowest first; folders on one line stand side by side and may not include each other.
SHARED_LAYERS = [["base"], ["feed"], ["search"], ["sources", "import"], ["images", "admin"], ["service"]]
KIOSK_LAYERS = [["platform"], ["widgets"], ["screens"], ["admin"], ["app"], ["commands"], ["."]]
UI_HEADERS = re.compile(r"^(imgui|imgui_internal|imgui_impl_\w+|imgui_freetype|GLFW/.*|GL/.*|GLES\d*/.*|EGL/.*)\.h$")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]', re.M)


def ranks(layers):
    return {folder: level for level, row in enumerate(layers) for folder in row}


def check_floor(root, floor, layers, problems):
    rank = ranks(layers)
    base = os.path.join(root, floor)
    for path in sorted(glob.glob(os.path.join(base, "**", "*.*"), recursive=True)):
        if not path.endswith((".h", ".cpp")):
            continue
        rel = os.path.relpath(path, root)
        folder = os.path.dirname(os.path.relpath(path, base)) or "."
        if folder not in rank:
            problems.append(f"{rel}: the folder {floor}/{folder} is in no layer (tests/layers_test.py lists them)")
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for kind, header in INCLUDE.findall(text):
            if floor == "shared" and kind == "<" and UI_HEADERS.match(header):
                problems.append(f"{rel}: includes <{header}>; shared/ never uses ImGui, GLFW or GL")
            if kind != '"':
                continue
            if floor == "shared" and not os.path.exists(os.path.join(base, header)):
                problems.append(f'{rel}: includes "{header}", which is not in shared/ (the core uses nothing above it)')
                continue
            target = header.split("/")[0] if "/" in header else None
            if target is None:
                problems.append(f'{rel}: includes "{header}" without its folder ("FOLDER/{header}")')
            elif target in rank and os.path.exists(os.path.join(base, header)):
                if rank[target] > rank[folder] or (rank[target] == rank[folder] and target != folder):
                    problems.append(f'{rel}: {floor}/{folder} includes "{header}", from {floor}/{target}, '
                                    f"which is not below it")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    problems = []
    check_floor(root, "shared", SHARED_LAYERS, problems)
    check_floor(root, "kiosk", KIOSK_LAYERS, problems)
    for p in problems:
        print("LAYERS: " + p)
    shared_n = len(glob.glob(os.path.join(root, "shared", "**", "*.*"), recursive=True))
    kiosk_n = len(glob.glob(os.path.join(root, "kiosk", "**", "*.*"), recursive=True))
    print(f"layers: {shared_n} files in shared/, {kiosk_n} in kiosk/, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
