import Foundation

/// Where output goes: data to stdout, messages and progress to stderr (SPEC §3).
enum Terminal {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n").utf8))
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
