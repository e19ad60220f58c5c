import Dispatch
import Synchronization

/// A bounded first-in first-out hand-over between one producing and one consuming thread: `send` waits while
/// `capacity` items are waiting, `receive` while none is. `cancel` releases a waiting producer for good.
final class RecordChannel<Item: Sendable>: @unchecked Sendable {
    private let items = Mutex<[Item]>([])
    private let filled: DispatchSemaphore
    private let free: DispatchSemaphore
    private let cancelled = Atomic<Bool>(false)

    init(capacity: Int) {
        filled = DispatchSemaphore(value: 0)
        free = DispatchSemaphore(value: capacity)
    }

    /// False once the consumer has cancelled (the item is dropped).
    @discardableResult
    func send(_ item: Item) -> Bool {
        free.wait()
        if cancelled.load(ordering: .acquiring) {
            free.signal()
            return false
        }
        items.withLock { $0.append(item) }
        filled.signal()
        return true
    }

    func receive() -> Item {
        filled.wait()
        let item = items.withLock { $0.removeFirst() }
        free.signal()
        return item
    }

    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Makes every later `send` return false at once, and lets a waiting one go.
    func cancel() {
        cancelled.store(true, ordering: .releasing)
        free.signal()
    }
}
