import Foundation

/// Where output goes: data to stdout, messages and progress to stderr (SPEC §3).
enum Terminal {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n").utf8))
    }

    /// Writes all of `bytes` to stdout as they are (without copying them into `Data` first).
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    static func info(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("loa: " + text + "\n").utf8))
    }

    /// Whether stderr is a terminal, so progress bars can redraw in place.
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
