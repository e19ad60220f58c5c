#if canImport(Glibc)
    import Glibc
#endif

/// Runs `body(0..<count)` on `count` POSIX threads at once and joins them all (no Foundation/Dispatch
/// in this test module).
func runConcurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    var threads: [pthread_t] = []
    for index in 0..<count {
        let box = Unmanaged.passRetained(IndexedBody(index: index, run: body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { raw in
                guard let raw else { return nil }
                let work = Unmanaged<IndexedBody>.fromOpaque(raw).takeRetainedValue()
                work.run(work.index)
                return nil
            }, box)
        if created == 0 {
            threads.append(thread)
        } else {
            Unmanaged<IndexedBody>.fromOpaque(box).release()
            body(index)
        }
    }
    for thread in threads { pthread_join(thread, nil) }
}

private final class IndexedBody: Sendable {
    let index: Int
    let run: @Sendable (Int) -> Void
    init(index: Int, run: @escaping @Sendable (Int) -> Void) {
        self.index = index
        self.run = run
    }
}
