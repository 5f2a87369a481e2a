import Foundation
import Glibc

/// Starts a program with `posix_spawn` in a directory, its standard streams on the given descriptors and every
/// other descriptor of this process closed in the child, then waits for it.
///
/// Foundation's `Process.run()` finds the descriptors to close by copying each `/proc/self/fd`
/// entry's whole 256-byte `d_name`; once a test process holds about 1 300 descriptors (many
/// servers under test at once), the last entry ends at its buffer's end and the copy faults
/// (signal 11 seen in full test passes). Here each name is read as the C string it is.
struct ChildProcess {
    let pid: pid_t

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(
        executable: String, arguments: [String], directory: String, environment: [String: String],
        stdin: Int32, stdout: Int32, stderr: Int32
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        for fd in Self.openDescriptors() where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        // Swift's Glibc does not import posix_spawn_file_actions_addchdir_np: the shell changes
        // directory, then becomes the program.
        let shell = "/bin/sh"
        let words = [shell, "-c", #"cd "$1" && shift && exec "$@""#, shell, directory, executable] + arguments
        let argv = words.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, shell, &actions, nil, argv, envp)
        guard status == 0 else { throw Failure(description: "posix_spawn \(executable): \(String(cString: strerror(status)))") }
        self.pid = pid
    }

    /// Waits for the child; its exit status, or 128 + the signal that ended it.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// The descriptors open in this process, read from `/proc/self/fd` name by name.
    static func openDescriptors() -> [Int32] {
        guard let directory = opendir("/proc/self/fd") else { return Array(3..<1024) }
        defer { closedir(directory) }
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        var descriptors: [Int32] = []
        while let entry = readdir(directory) {
            let name = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            if let fd = Int32(String(cString: name)) { descriptors.append(fd) }
        }
        // The directory's own descriptor is closed by then; closing it in the child fails harmlessly.
        return descriptors
    }
}
