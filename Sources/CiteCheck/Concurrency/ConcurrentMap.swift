internal import Dispatch

extension Array where Element: Sendable {
    /// `map` over every core: `transform` runs on the elements concurrently, the results keep the elements' order.
    /// For work of a few milliseconds or more per element (checking a post, rendering its report).
    public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each iteration writes its own slot, once, so the slots need no lock.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.initializeElement(at: index, to: transform(self[index]))
            }
            initialized = count
        }
    }
}
