// std::async with a call on the worker once the result can be taken (a UI
// wakes its loop there). A plain async future becomes ready only when the whole
// task has returned, so a loop woken from inside the task could look too early,
// find nothing and sleep on: here the result is set first, then `then` runs.
#pragma once

#include <exception>
#include <functional>
#include <future>
#include <type_traits>
#include <utility>

namespace kiosk {

// Starts `work` on its own thread; `then` (may be empty) runs on it after the
// result is ready. `worker` must outlive the thread's use of `then`: its
// destructor (or wait) waits for both, as std::async's future does.
template <class Work>
auto async_then(Work work, std::function<void()> then, std::future<void>& worker)
    -> std::future<std::invoke_result_t<Work&>> {
    using Value = std::invoke_result_t<Work&>;
    std::promise<Value> promise;
    std::future<Value> result = promise.get_future();
    worker = std::async(std::launch::async,
                        [work = std::move(work), then = std::move(then), promise = std::move(promise)]() mutable {
                            try {
                                if constexpr (std::is_void_v<Value>) {
                                    work();
                                    promise.set_value();
                                } else {
                                    promise.set_value(work());
                                }
                            } catch (...) {
                                promise.set_exception(std::current_exception());
                            }
                            if (then) then();
                        });
    return result;
}

} // namespace kiosk
