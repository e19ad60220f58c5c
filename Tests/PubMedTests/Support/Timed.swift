/// Runs `body`, returning the error it threw (nil when it returned) and how long it took.
func timedFailure<T, E: Error>(_ body: () throws(E) -> T) -> (E?, Duration) {
    let start = ContinuousClock.now
    do {
        _ = try body()
        return (nil, ContinuousClock.now - start)
    } catch {
        return (error, ContinuousClock.now - start)
    }
}
