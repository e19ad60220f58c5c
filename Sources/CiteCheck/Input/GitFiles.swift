internal import Foundation

/// What git knows about a folder's files: a folder walk inside a git work tree lists what git would (tracked and
/// untracked files, without what `.gitignore`, `.git/info/exclude` and the global excludes file ignore), so
/// citecheck never reimplements gitignore.
enum GitFiles {
    /// The files below `folder` that git does not ignore, as paths relative to `folder`; nil when `folder` is not
    /// inside a git work tree or git cannot be run.
    static func unignored(in folder: String) -> [String]? {
        guard let output = run(["-C", folder, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]) else { return nil }
        return output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The top folder of the git work tree `folder` lies in, nil when it lies in none.
    static func workTreeRoot(of folder: String) -> String? {
        guard let output = run(["-C", folder, "rev-parse", "--show-toplevel"]) else { return nil }
        let root = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return root.isEmpty ? nil : root
    }

    /// git's standard output, nil when git is missing or fails (not a work tree, a repository git refuses to read).
    private static func run(_ arguments: [String]) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else { return nil }
        return [UInt8](data)
    }
}
