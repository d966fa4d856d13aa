
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/generated/embedded_files.cpp" "CMakeFiles/kiosk_core.dir/generated/embedded_files.cpp.o" "gcc" "CMakeFiles/kiosk_core.dir/generated/embedded_files.cpp.o.d"
  "/work/main/shared/embedded.cpp" "CMakeFiles/kiosk_core.dir/shared/embedded.cpp.o" "gcc" "CMakeFiles/kiosk_core.dir/shared/embedded.cpp.o.d"
  "/work/main/shared/feed.cpp" "CMakeFiles/kiosk_core.dir/shared/feed.cpp.o" "gcc" "CMakeFiles/kiosk_core.dir/shared/feed.cpp.o.d"
  "/work/main/shared/localized_text.cpp" "CMakeFiles/kiosk_core.dir/shared/localized_text.cpp.o" "gcc" "CMakeFiles/kiosk_core.dir/shared/localized_text.cpp.o.d"
  "/work/main/shared/timestamp.cpp" "CMakeFiles/kiosk_core.dir/shared/timestamp.cpp.o" "gcc" "CMakeFiles/kiosk_core.dir/shared/timestamp.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
