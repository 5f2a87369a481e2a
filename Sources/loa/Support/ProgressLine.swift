import Foundation
import Synchronization

/// A status line on stderr: redrawn in place on a terminal, one line every few seconds otherwise.
final class ProgressLine: Sendable {
    private let last = Mutex<(text: String, at: Date)>(("", .distantPast))
    private let interactive = Terminal.stderrIsTerminal

    func show(_ text: String) {
        let now = Date()
        let draw = last.withLock { last -> Bool in
            guard text != last.text, interactive || now.timeIntervalSince(last.at) >= 5 else { return false }
            last = (text, now)
            return true
        }
        guard draw else { return }
        FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K" + text : text + "\n").utf8))
    }

    func finish() {
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
