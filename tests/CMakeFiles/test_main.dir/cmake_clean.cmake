file(REMOVE_RECURSE
  "CMakeFiles/test_main.dir/test_main.cpp.o"
  "CMakeFiles/test_main.dir/test_main.cpp.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/test_main.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
