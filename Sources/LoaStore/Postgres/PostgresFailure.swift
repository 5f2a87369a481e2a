import PostgresNIO

/// A server error in words: postgres-nio's own description hides the server's message.
struct PostgresFailure: Error, CustomStringConvertible {
    let description: String

    init(_ error: PSQLError) {
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            let detail = error.serverInfo?[.detail].map { ": \($0)" } ?? ""
            description = "PostgreSQL: \(message)\(detail)\(state)"
        } else {
            description = "PostgreSQL connection: \(error.code)" + (error.underlying.map { " (\($0))" } ?? "")
        }
    }
}
