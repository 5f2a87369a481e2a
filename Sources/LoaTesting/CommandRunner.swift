import Foundation

/// Runs the built `loa` executable as a user would, capturing what it prints.
public struct CommandRunner: Sendable {
    /// What a run printed and how it ended.
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public let executable: URL
    public let directory: URL
    public var environment: [String: String]

    /// A runner in a new empty working directory, so `loa.db` and `loa.toml` start absent.
    public init(product: String = "loa") throws {
        executable = try Self.locate(product)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("loa-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "LOA_DB")
        environment.removeValue(forKey: "LOA_CONFIG")
        self.environment = environment
    }

    /// Runs with `arguments`, feeding `input` to standard input. The wait happens on a thread of
    /// its own: blocking one of the two cooperative threads for a whole `loa` run would stall every
    /// other test in the process.
    public func run(_ arguments: [String], input: Data? = nil) async throws -> Result {
        try await onOwnThread { try runBlocking(arguments, input: input) }
    }

    /// ``run(_:input:)`` on the calling thread.
    public func runBlocking(_ arguments: [String], input: Data? = nil) throws -> Result {
        let out = Pipe(), stdin = Pipe()
        // stderr goes to a file so that neither stream can fill a pipe and stall the child.
        let errURL = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let child = try ChildProcess(
            executable: executable.path, arguments: arguments, directory: directory.path, environment: environment,
            stdin: stdin.fileHandleForReading.fileDescriptor, stdout: out.fileHandleForWriting.fileDescriptor,
            stderr: err.fileDescriptor)
        try stdin.fileHandleForReading.close()
        try out.fileHandleForWriting.close()
        try err.close()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let status = child.wait()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(
            status: status, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `arguments` without waiting; output goes to `log` in the working directory.
    public func start(_ arguments: [String], log: String) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let url = directory.appendingPathComponent(log)
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Writes a file into the working directory and returns its path.
    @discardableResult
    public func write(_ name: String, _ contents: Data) throws -> String {
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }

    /// `LOA_BIN`/`<PRODUCT>_BIN` if set, else the product beside the running test bundle.
    static func locate(_ product: String) throws -> URL {
        let variable = product.uppercased().replacingOccurrences(of: "-", with: "_") + "_BIN"
        if let path = ProcessInfo.processInfo.environment[variable] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for _ in 0..<4 {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent(product)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw CommandRunnerError(message: "cannot find the '\(product)' executable near \(CommandLine.arguments[0]); set \(variable)")
    }
}

/// The built executable could not be found.
public struct CommandRunnerError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
