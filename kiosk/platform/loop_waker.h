// Waking the UI loop from a worker, reliably. GLFW 3.3 wakes glfwWaitEvents
// with an X event (glfwPostEmptyEvent), and that event can be lost when it
// races the wait (glfw/glfw#1281, fixed in GLFW 3.4 with a pipe; Debian 12
// ships 3.3.8): a finished PIN check then waited for the next timer. Here the
// loop waits on the X connection and an eventfd of its own, as GLFW 3.4 does.
#pragma once

namespace kiosk {

// Wakes wait_for_ui_events() from any thread; async-signal-safe, never blocks,
// harmless when no loop waits (the next wait then returns at once).
void wake_ui_loop();

// Sleeps until X input arrives, wake_ui_loop() is called, or `seconds` pass,
// then hands the events to GLFW (glfwPollEvents). Main thread, GLFW initialised.
void wait_for_ui_events(double seconds);

} // namespace kiosk
