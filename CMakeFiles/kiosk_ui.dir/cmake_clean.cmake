file(REMOVE_RECURSE
  "CMakeFiles/kiosk_ui.dir/kiosk/ui_strings.cpp.o"
  "CMakeFiles/kiosk_ui.dir/kiosk/ui_strings.cpp.o.d"
  "libkiosk_ui.a"
  "libkiosk_ui.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/kiosk_ui.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
