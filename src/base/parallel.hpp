#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

namespace stackplan {

/// How many threads for_each_ordered uses by default: one per core.
inline unsigned default_threads() {
  return std::max(1U, std::thread::hardware_concurrency());
}

/// Runs `work(i)` for every i in [0, count) on up to `threads` threads and gives each result to
/// `emit(i, result)` on the calling thread, in index order, as soon as it and every result before
/// it are done: output streams in order while the work runs in parallel. At most `window`
/// results are held at any time, so memory stays bounded whatever `count` is. An exception
/// thrown by `work` stops the run and is rethrown here, after every thread has finished; one
/// thrown by `emit` likewise.
template <class Work, class Emit>
void for_each_ordered(std::size_t count, Work work, Emit emit, unsigned threads = 0,
                      std::size_t window = 64) {
  using Result = std::invoke_result_t<Work&, std::size_t>;
  if (threads == 0) {
    threads = default_threads();
  }
  window = std::max<std::size_t>(window, 1);
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::min(count, window)));
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      emit(i, work(i));
    }
    return;
  }

  struct Slot {
    std::optional<Result> result;
    std::exception_ptr error;
    bool done = false;
  };
  std::vector<Slot> slots(window);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0;     // the next index a worker takes
  std::size_t emitted = 0;  // how many results the calling thread has handed on
  bool stop = false;

  auto worker = [&] {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || next >= count || next < emitted + window; });
        if (stop || next >= count) {
          return;
        }
        i = next++;
      }
      Slot filled;
      try {
        filled.result.emplace(work(i));
      } catch (...) {
        filled.error = std::current_exception();
      }
      filled.done = true;
      {
        std::lock_guard lock(mutex);
        slots[i % window] = std::move(filled);
      }
      changed.notify_all();
    }
  };

  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back(worker);
  }
  std::exception_ptr error;
  while (emitted < count && !error) {
    Slot ready;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return slots[emitted % window].done; });
      ready = std::move(slots[emitted % window]);
      slots[emitted % window] = Slot{};
    }
    if (ready.error) {
      error = ready.error;
      break;
    }
    try {
      emit(emitted, std::move(*ready.result));
    } catch (...) {
      error = std::current_exception();
    }
    {
      std::lock_guard lock(mutex);
      ++emitted;
    }
    changed.notify_all();
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  changed.notify_all();
  for (auto& t : pool) {
    t.join();
  }
  if (error) {
    std::rethrow_exception(error);
  }
}

}  // namespace stackplan
