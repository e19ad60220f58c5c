import Foundation

/// Runs the real `citecheck` executable that `swift build` put beside the test bundle.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        // The test bundle lives in the build products folder, next to the executable.
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            products.appendingPathComponent("citecheck"),
            Bundle.main.bundleURL.appendingPathComponent("citecheck"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("citecheck"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// A cache folder of this test process, so that no test sees the user's `~/.cache/citecheck`.
    static let isolatedCache = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-e2e-cache-\(getpid())")

    /// The repository root, found from this source file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // No test reads or writes the user's cache, or sends their NCBI identity.
        env["XDG_CACHE_HOME"] = isolatedCache.path
        // Nor the user's default index ($XDG_DATA_HOME/citecheck/pubmed.sqlite).
        env["XDG_DATA_HOME"] = isolatedCache.appendingPathComponent("data").path
        env["NCBI_API_KEY"] = nil
        env["NCBI_EMAIL"] = nil
        for (key, value) in environment { env[key] = value }
        return try run(executable, arguments, environment: env, stdin: stdin, in: directory ?? root)
    }

    /// Runs `executable` with exactly `environment`, feeding it `stdin` (or nothing), and collects both outputs.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String], stdin: Data? = nil, in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
