import Foundation
import LoaStore

/// Loa's files hold phone numbers, link tokens and gateway secrets: they are created readable by
/// their owner only, and a configuration others can read is reported.
enum FileModes {
    /// From here on, files this process creates (the database and its -wal/-shm, backups, the
    /// demo's directory and `loa.toml`, reports) get no group or other permissions.
    static func restrictNewFiles() {
        umask(0o077)
    }

    /// Makes an SQLite database made by an older version, and its -wal/-shm, 0600.
    static func restrict(_ location: StoreLocation) {
        guard case .sqlite(let path) = location else { return }
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            guard let mode = permissions(file), mode & 0o077 != 0 else { continue }
            _ = chmod(file, 0o600)
        }
    }

    /// One warning line on stderr when the configuration file at `path` is readable by others.
    static func warnIfShared(config path: String) {
        guard let mode = permissions(path), mode & 0o044 != 0 else { return }
        Terminal.info(
            "warning: \(path) is readable by \(mode & 0o004 != 0 ? "everyone" : "its group") (mode \(String(mode, radix: 8))); "
                + "it may hold gateway secrets: chmod 600 \(path)")
    }

    static func permissions(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode) & 0o777
    }
}
