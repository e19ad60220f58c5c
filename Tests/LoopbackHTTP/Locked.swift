import Foundation

/// A value behind a pthread mutex (`NSLock`), for state the test servers and transports share between threads.
///
/// Used instead of `Synchronization.Mutex`, which on Linux waits on futexes directly: ThreadSanitizer cannot see
/// those, so it reported the hand-over of state between a server's threads as a race (`scripts/sanitize.sh thread`).
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
