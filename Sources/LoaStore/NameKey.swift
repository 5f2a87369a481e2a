import Foundation
import LoaCore

extension String {
    /// The unique key of a hamlet or group name: NFC and lower case, so `Thông Nhất` typed with
    /// combining marks or in capitals is the same hamlet. Diacritics still count (`Đông` ≠ `Dong`).
    var nameKey: String {
        precomposed.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
