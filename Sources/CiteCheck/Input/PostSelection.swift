internal import Foundation

/// Turns what the user named (files, folders, quoted glob patterns, `-`) into the posts to check, honouring
/// excludes and `.gitignore`, and says what matched nothing, so that no mistake passes silently.
///
/// - A file named on the command line is always checked, unless `forceExclude` is set and an exclude matches it.
/// - A folder is walked: posts by extension, hidden files and folders skipped; inside a git work tree, what git
///   ignores is skipped (git itself is asked); `exclude` globs of the command line (relative to the working
///   directory) and of each post's `.citecheck.toml` (relative to that file) are skipped. A folder that yields
///   no post is a problem.
/// - A name that does not exist but holds a wildcard is a glob pattern (relative to the working directory),
///   expanded like a folder walk; a pattern that matches no post is a problem.
public struct PostSelection {
    /// The posts to check, in the order named (each folder's and pattern's posts sorted), each once.
    public var posts: [String] = []
    /// One line for each name that yields nothing to check (`posts/: no posts in this folder`).
    public var problems: [String] = []

    /// Command-line `--exclude` patterns, relative to the working directory.
    public var excludes: [PathGlob]
    /// Apply excludes to files named on the command line too.
    public var forceExclude: Bool
    /// The `--config` file, when one is named; else each post's own is found.
    public var configPath: String?

    private var configurations = ConfigurationCache()

    public init(excludes: [String] = [], forceExclude: Bool = false, configPath: String? = nil) {
        self.excludes = excludes.map(PathGlob.init)
        self.forceExclude = forceExclude
        self.configPath = configPath
    }

    /// Selects the posts of `arguments`.
    public static func select(
        _ arguments: [String], excludes: [String] = [], forceExclude: Bool = false, configPath: String? = nil
    ) -> PostSelection {
        var selection = PostSelection(excludes: excludes, forceExclude: forceExclude, configPath: configPath)
        selection.add(arguments)
        return selection
    }

    mutating func add(_ arguments: [String]) {
        // A post named twice (or named and found in a folder) is checked once.
        var seen = Set<String>()
        func append(_ path: String) {
            if seen.insert(path == "-" ? path : Self.absolute(path)).inserted { posts.append(path) }
        }
        let manager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            let exists = argument != "-" && manager.fileExists(atPath: argument, isDirectory: &isDirectory)
            if exists && isDirectory.boolValue {
                let (found, excluded) = walk(argument)
                if found.isEmpty {
                    let extensions = InputFiles.postExtensions.sorted().map { "." + $0 }.joined(separator: " ")
                    let skipped = excluded > 0 ? "; \(excluded) excluded" : ""
                    problems.append("\(argument): no posts in this folder (looked for \(extensions)\(skipped))")
                }
                found.forEach(append)
            } else if !exists && argument != "-" && PathGlob.isPattern(argument) {
                let found = expand(pattern: argument)
                if found.isEmpty { problems.append("\(argument): no post matches this pattern") }
                found.forEach(append)
            } else {
                // A named file (or `-`, or a missing file, which reading reports).
                if forceExclude && argument != "-" && isExcluded(argument) { continue }
                append(argument)
            }
        }
    }

    /// True when a command-line or configuration exclude matches `path`.
    public mutating func isExcluded(_ path: String) -> Bool {
        let absolute = Self.absolute(path)
        let workingDirectory = Self.absolute(".")
        if let relative = Self.relative(absolute, to: workingDirectory), excludes.contains(where: { $0.matches(relative) }) {
            return true
        }
        guard let configuration = configurations.configuration(forPost: path, explicitPath: configPath),
            let configFile = configuration.path, !configuration.exclude.isEmpty
        else { return false }
        let base = URL(fileURLWithPath: Self.absolute(configFile)).deletingLastPathComponent().path
        guard let relative = Self.relative(absolute, to: base) else { return false }
        return configuration.exclude.contains { PathGlob($0).matches(relative) }
    }

    /// The posts below `folder`, sorted, and how many excludes removed.
    private mutating func walk(_ folder: String) -> (posts: [String], excluded: Int) {
        var excluded = 0
        var posts: [String] = []
        for path in Self.candidateFiles(under: folder) {
            if isExcluded(path) { excluded += 1 } else { posts.append(path) }
        }
        return (posts, excluded)
    }

    /// Every post-like file below `folder` (by extension; hidden entries and what git ignores skipped), spelled as
    /// `folder` followed by its relative path, sorted.
    static func candidateFiles(under folder: String) -> [String] {
        let isPost = { (path: String) in InputFiles.postExtensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased()) }
        guard let listed = GitFiles.unignored(in: folder) else {
            return InputFiles.files(under: folder, where: isPost)
        }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let manager = FileManager.default
        var found: [String] = []
        for relative in listed where isPost(relative) {
            // Hidden files and folders are skipped as in a plain walk; a tracked file deleted from the work tree is gone.
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let path = prefix + relative
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            found.append(path)
        }
        return found.sorted()
    }

    /// The posts a glob pattern names: the folder before its first wildcard is walked and each post's path matched.
    private mutating func expand(pattern: String) -> [String] {
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let literal = parts.prefix { !PathGlob.isPattern(String($0)) }
        var folder = literal.joined(separator: "/")
        if pattern.hasPrefix("/") && folder.isEmpty { folder = "/" }
        if folder.isEmpty { folder = "." }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        let glob = PathGlob(pattern.hasPrefix("/") ? pattern : "/" + pattern)
        var found: [String] = []
        for path in Self.candidateFiles(under: folder) {
            var spelled = path
            if folder == "." && spelled.hasPrefix("./") { spelled.removeFirst(2) }
            guard glob.matchesExactly(spelled), !isExcluded(spelled) else { continue }
            found.append(spelled)
        }
        return found
    }

    /// The root of the git work tree `folder` lies in, nil when none.
    public static func gitRoot(of folder: String) -> String? {
        GitFiles.workTreeRoot(of: folder)
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// `path` relative to `base` (both absolute), nil when it is not below it.
    static func relative(_ path: String, to base: String) -> String? {
        if path == base { return "." }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}

/// The configuration of each folder's posts, read once per folder (a bad file counts as none here: checking the
/// post reports it).
private struct ConfigurationCache {
    private var byFolder: [String: Configuration?] = [:]
    private var byFile: [String: Configuration?] = [:]

    mutating func configuration(forPost path: String, explicitPath: String?) -> Configuration? {
        if let explicitPath {
            if let cached = byFile[explicitPath] { return cached }
            let loaded = try? ConfigurationLoader.load(path: explicitPath)
            byFile[explicitPath] = loaded
            return loaded
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if let cached = byFolder[folder] { return cached }
        let found = ConfigurationLoader.discover(from: folder)
        let loaded: Configuration?
        if let found {
            if let cached = byFile[found] {
                loaded = cached
            } else {
                loaded = try? ConfigurationLoader.load(path: found)
                byFile[found] = loaded
            }
        } else {
            loaded = nil
        }
        byFolder[folder] = loaded
        return loaded
    }
}
