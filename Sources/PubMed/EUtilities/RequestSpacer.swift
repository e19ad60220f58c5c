import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Spaces requests at least `interval` apart across every thread that shares it: each caller
/// reserves the next free slot under a lock, then sleeps until its slot.
///
/// With a `sharedFile`, the slots are also reserved across processes: the file holds the next free slot on the
/// system-wide monotonic clock and is updated under `flock`, so that several citecheck runs on one machine (a CI
/// job checking posts in parallel) stay within NCBI's rate together. Without the file (or when it cannot be
/// opened) only this process is spaced.
final class RequestSpacer: Sendable {
    let interval: Duration
    let sharedFile: String?
    private let nextFree = Mutex<ContinuousClock.Instant?>(nil)

    /// Spacing for `requestsPerSecond`, with a 10 % margin so that network jitter between the
    /// client's clock and the server's never packs `requestsPerSecond + 1` requests into one second.
    init(requestsPerSecond: Double, sharedFile: String? = nil) {
        let rate = requestsPerSecond > 0 ? requestsPerSecond : 3
        interval = .seconds(1.1 / rate)
        self.sharedFile = sharedFile
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
        if let sharedFile { waitForSharedTurn(sharedFile) }
    }

    /// Reserves the next slot in the shared file and sleeps until it.
    private func waitForSharedTurn(_ path: String) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { return }
        let now = Self.monotonicNanoseconds()
        var stored: Int64 = 0
        let count = withUnsafeMutableBytes(of: &stored) { pread(fd, $0.baseAddress, 8, 0) }
        // A slot ten minutes ahead is no queue of runs but a file from before a reboot (the clock restarted).
        let intervalNanoseconds = Int64(interval.components.seconds) * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000
        let next = count == 8 && stored <= now + 600_000_000_000 ? max(now, stored) : now
        var reserved = next + intervalNanoseconds
        _ = withUnsafeBytes(of: &reserved) { pwrite(fd, $0.baseAddress, 8, 0) }
        flock(fd, LOCK_UN)
        sleep(for: .nanoseconds(next - now))
    }

    /// `CLOCK_MONOTONIC`: one clock for every process of the machine.
    static func monotonicNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
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
