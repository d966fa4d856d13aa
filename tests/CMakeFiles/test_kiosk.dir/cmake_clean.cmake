file(REMOVE_RECURSE
  "test_kiosk"
  "test_kiosk.pdb"
  "test_kiosk_tests-b12d07c.cmake"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/test_kiosk.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
