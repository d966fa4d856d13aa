// Sanitizer settings compiled into every program of a KIOSK_SANITIZE build, so
// the tests, the kiosk they start and CTest's test discovery all run with them
// whatever the shell exports (ASAN_OPTIONS, LSAN_OPTIONS, UBSAN_OPTIONS still override).

extern "C" const char* __asan_default_options() {
    return "check_initialization_order=1:strict_init_order=1";
}

// Leaks in Mesa, fontconfig, glib and X are theirs, never ours: see lsan.supp.
extern "C" const char* __lsan_default_options() {
    return "suppressions=" KIOSK_LSAN_SUPPRESSIONS ":print_suppressions=0";
}

extern "C" const char* __ubsan_default_options() {
    return "print_stacktrace=1:halt_on_error=1";
}
