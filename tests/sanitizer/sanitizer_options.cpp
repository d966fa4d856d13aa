// Sanitizer settings compiled into every program of a KIOSK_SANITIZE build, so
// the tests, the kiosk they start and CTest's test discovery all run with them
// whatever the shell exports (ASAN_OPTIONS, LSAN_OPTIONS, UBSAN_OPTIONS still override).

// The kiosk program itself draws through Mesa, which unloads its driver before
// the exit-time leak check: the driver's allocations then show with unknown
// frames that no suppression can name, so that one program skips the check.
// Its memory errors and UB are still caught; the test programs keep the check.
extern "C" const char* __asan_default_options() {
#ifdef KIOSK_GL_PROGRAM
    return "check_initialization_order=1:strict_init_order=1:detect_leaks=0";
#else
    return "check_initialization_order=1:strict_init_order=1";
#endif
}

// Leaks in Mesa, fontconfig, glib and X are theirs, never ours: see lsan.supp.
extern "C" const char* __lsan_default_options() {
    return "suppressions=" KIOSK_LSAN_SUPPRESSIONS ":print_suppressions=0";
}

extern "C" const char* __ubsan_default_options() {
    return "print_stacktrace=1:halt_on_error=1";
}
