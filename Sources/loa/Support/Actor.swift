import Foundation

/// Who the audit log names for changes made from the command line.
enum Actor {
    static var cli: String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"]
        return "cli:" + (user ?? "unknown")
    }
}
