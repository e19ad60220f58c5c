import Foundation

/// The one progress line a long run keeps redrawing on standard error ("checked 40/212 posts, 3 PubMed
/// requests"), only when standard error is a terminal and `--quiet` is not given; erased when the run ends.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var posts = 0
    private var done = 0
    private var requests = 0
    private var references: Int?
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func start(posts: Int) { update { $0.posts = posts } }
    func lookingUp(references: Int) { update { $0.references = references } }
    func postDone() {
        update {
            $0.done += 1
            $0.references = nil
        }
    }
    func request() { update { $0.requests += 1 } }

    /// Erases the line.
    func finish() {
        guard enabled else { return }
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            drawn = false
        }
    }

    private func update(_ change: (Progress) -> Void) {
        guard enabled else { return }
        lock.withLock {
            change(self)
            let now = ContinuousClock.now
            // Redrawn at most ten times a second; a run of one post draws nothing.
            guard posts > 1 || requests > 0, now - lastDraw >= .milliseconds(100) else { return }
            lastDraw = now
            var line = references.map { "looking up \($0) references in PubMed" } ?? "checked \(done)/\(posts) posts"
            if requests > 0 { line += ", \(requests) PubMed request\(requests == 1 ? "" : "s")" }
            FileHandle.standardError.write(Data("\r\u{1B}[Kcitecheck: \(line)".utf8))
            drawn = true
        }
    }
}
