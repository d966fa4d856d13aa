file(REMOVE_RECURSE
  "CMakeFiles/kiosk.dir/kiosk/main.cpp.o"
  "CMakeFiles/kiosk.dir/kiosk/main.cpp.o.d"
  "kiosk"
  "kiosk.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/kiosk.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
