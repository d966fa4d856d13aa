file(REMOVE_RECURSE
  "test_shared"
  "test_shared.pdb"
  "test_shared_tests-b12d07c.cmake"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/test_shared.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
