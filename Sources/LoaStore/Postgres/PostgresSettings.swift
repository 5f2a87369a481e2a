import Foundation
import PostgresNIO

/// Connection settings read from a `postgres://` URL.
///
/// `postgres://user:password@host:port/database?sslmode=disable|prefer|require&pool=N`: the pool
/// size defaults to 10 connections per process (a `loa run` worker holds one per statement or
/// transaction, so a few suffice); `sslmode` defaults to `prefer`, as in libpq.
struct PostgresSettings {
    var configuration: PostgresClient.Configuration
    /// The same server for one direct connection (the pool retries a dead server for a minute).
    var probe: PostgresConnection.Configuration
    /// The URL without its password, for messages.
    var redacted: String

    init(url text: String) throws(StoreError) {
        guard let url = URLComponents(string: text), let scheme = url.scheme,
            scheme == "postgres" || scheme == "postgresql"
        else { throw StoreError(.unsupportedURL, "not a postgres:// URL: '\(Self.redact(text))'") }
        let host = url.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        let user = url.user.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
            ?? ProcessInfo.processInfo.environment["PGUSER"] ?? "postgres"
        let password = url.password?.removingPercentEncoding ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        let database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        var parameters: [String: String] = [:]
        for item in url.queryItems ?? [] { parameters[item.name] = item.value ?? "" }
        let tls: PostgresClient.Configuration.TLS
        let probeTLS: PostgresConnection.Configuration.TLS
        do {
            switch parameters["sslmode"] ?? "prefer" {
            case "disable":
                (tls, probeTLS) = (.disable, .disable)
            case "allow", "prefer":
                tls = .prefer(.makeClientConfiguration())
                probeTLS = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case "require", "verify-ca", "verify-full":
                tls = .require(.makeClientConfiguration())
                probeTLS = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case let other:
                throw StoreError(.unsupportedURL, "unsupported sslmode '\(other)' in the database URL")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unsupportedURL, "TLS for the database connection: \(error)")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: url.port ?? 5432, username: user, password: password, database: database, tls: tls)
        if let pool = parameters["pool"] {
            guard let size = Int(pool), (1...500).contains(size) else {
                throw StoreError(.unsupportedURL, "pool=\(pool) in the database URL: give a number from 1 to 500")
            }
            configuration.options.maximumConnections = size
        } else {
            configuration.options.maximumConnections = 10
        }
        self.configuration = configuration
        probe = PostgresConnection.Configuration(
            host: host, port: url.port ?? 5432, username: user, password: password, database: database, tls: probeTLS)
        probe.options.connectTimeout = .seconds(10)
        redacted = Self.redact(text)
    }

    /// `text` with any password replaced by `***`.
    static func redact(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "***"
        return url.string ?? text
    }
}
