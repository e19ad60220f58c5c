import GRDB

/// Another application's SQLite database, for the tests that give citecheck a foreign file.
enum GRDBScratch {
    static func database(_ path: String) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)")
            try db.execute(sql: "INSERT INTO notes(text) VALUES('not a citecheck index')")
        }
        return queue
    }
}
