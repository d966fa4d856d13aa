file(REMOVE_RECURSE
  "CMakeFiles/kiosk_core.dir/generated/embedded_files.cpp.o"
  "CMakeFiles/kiosk_core.dir/generated/embedded_files.cpp.o.d"
  "CMakeFiles/kiosk_core.dir/shared/embedded.cpp.o"
  "CMakeFiles/kiosk_core.dir/shared/embedded.cpp.o.d"
  "CMakeFiles/kiosk_core.dir/shared/feed.cpp.o"
  "CMakeFiles/kiosk_core.dir/shared/feed.cpp.o.d"
  "CMakeFiles/kiosk_core.dir/shared/localized_text.cpp.o"
  "CMakeFiles/kiosk_core.dir/shared/localized_text.cpp.o.d"
  "CMakeFiles/kiosk_core.dir/shared/timestamp.cpp.o"
  "CMakeFiles/kiosk_core.dir/shared/timestamp.cpp.o.d"
  "generated/embedded_files.cpp"
  "libkiosk_core.a"
  "libkiosk_core.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/kiosk_core.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
