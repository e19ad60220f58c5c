import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Spaces requests at least `interval` apart across every thread that shares it: each caller
/// reserves the next free slot under a lock, then sleeps until its slot.
final class RequestSpacer: Sendable {
    let interval: Duration
    private let nextFree = Mutex<ContinuousClock.Instant?>(nil)

    /// Spacing for `requestsPerSecond`, with a 10 % margin so that network jitter between the
    /// client's clock and the server's never packs `requestsPerSecond + 1` requests into one second.
    init(requestsPerSecond: Double) {
        let rate = requestsPerSecond > 0 ? requestsPerSecond : 3
        interval = .seconds(1.1 / rate)
    }

    /// Blocks until this caller may send.
    func waitForTurn() {
        let now = ContinuousClock.now
        let slot = nextFree.withLock { next -> ContinuousClock.Instant in
            let slot = max(now, next ?? now)
            next = slot + interval
            return slot
        }
        sleep(for: slot - now)
    }
}

/// Sleeps the calling thread (these clients are synchronous by design).
func sleep(for duration: Duration) {
    guard duration > .zero else { return }
    let (seconds, attoseconds) = duration.components
    var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0, errno == EINTR {
        request = remaining
    }
}
