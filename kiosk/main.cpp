// kiosk: the venue program and the organisers' command-line tools.
#include <cstdio>

int main() {
    std::puts("kiosk " KIOSK_VERSION);
    return 0;
}
