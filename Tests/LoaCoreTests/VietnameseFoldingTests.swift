import Foundation
@testable import LoaCore
import Testing

@Suite("Vietnamese folding")
struct VietnameseFoldingTests {
    @Test("Tone and vowel marks are removed, đ/Đ become d/D", arguments: [
        ("Xác nhận", "Xac nhan"),
        ("XÁC NHẬN", "XAC NHAN"),
        ("Đoàn Kết", "Doan Ket"),
        ("đường làng", "duong lang"),
        ("Nguyễn Thị Ánh Tuyết", "Nguyen Thi Anh Tuyet"),
        ("ă â ê ô ơ ư Ă Â Ê Ô Ơ Ư", "a a e o o u A A E O O U"),
        ("à á ả ã ạ ằ ắ ẳ ẵ ặ ầ ấ ẩ ẫ ậ", "a a a a a a a a a a a a a a a"),
        ("Ỳ Ý Ỷ Ỹ Ỵ ỳ ý ỷ ỹ ỵ", "Y Y Y Y Y y y y y y"),
        ("Tho\u{0302}ng Nha\u{0302}\u{0301}t", "Thong Nhat"),
        ("D\u{0323}a\u{0306}\u{0301}c", "Dac"),
        ("plain ascii 123", "plain ascii 123"),
        ("Café Noël", "Cafe Noel"),
        ("Thôn 村", "Thon 村"),
        ("", ""),
    ])
    func folding(input: String, folded: String) {
        #expect(input.foldedVietnamese == folded)
        #expect(input.decomposedStringWithCanonicalMapping.foldedVietnamese == folded)
    }

    @Test("Every Vietnamese vowel with every tone folds to its base letter, NFC or NFD")
    func allVowelsAllTones() {
        let vowels: [(String, String)] = [
            ("a", "a"), ("a\u{0306}", "a"), ("a\u{0302}", "a"), ("e", "e"), ("e\u{0302}", "e"), ("i", "i"),
            ("o", "o"), ("o\u{0302}", "o"), ("o\u{031B}", "o"), ("u", "u"), ("u\u{031B}", "u"), ("y", "y"),
        ]
        let tones = ["", "\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]
        for (vowel, base) in vowels {
            for tone in tones {
                let nfd = vowel + tone
                for form in [nfd, nfd.precomposed, nfd.uppercased(), nfd.precomposed.uppercased()] {
                    let expected = form.first?.isUppercase == true ? base.uppercased() : base
                    #expect(form.foldedVietnamese == expected, "\(form)")
                }
            }
        }
    }

    @Test("The table fast path agrees with the general fold for every Latin letter")
    func fastPathMatchesDecomposition() {
        for range in LatinFolding.ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = "x" + String(scalar) + "\u{0301}y"
                #expect(text.foldedVietnamese == text.foldedByDecomposition, "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("Letters below U+0300 and in U+1E00–U+1EFF are already NFC")
    func fastNFCRangesAreStable() {
        for value in UInt32(0x80)..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(String(scalar).precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) == [value])
        }
        for value in UInt32(0x1E00)...0x1EFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(String(scalar).precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) == [value])
        }
    }

    @Test("The result is NFC")
    func resultIsNFC() {
        let folded = "Thôn 村 e\u{0301}".foldedVietnamese
        #expect(folded.unicodeScalars.elementsEqual(folded.precomposed.unicodeScalars))
    }

    @Test("Match keys compare names and keywords typed differently", arguments: [
        ("Xác nhận", "xac nhan"),
        ("  XÁC   nhận ", "xac nhan"),
        ("XAC NHAN", "xac nhan"),
        ("Xa\u{0301}c\u{00A0}nha\u{0302}\u{0323}n", "xac nhan"),
        ("Thông\tNhất\r\n", "thong nhat"),
        ("ĐOÀN KẾT", "doan ket"),
        ("\u{3000}Hội  Nông dân\u{2003}", "hoi nong dan"),
        ("   ", ""),
    ])
    func matchKeys(input: String, key: String) {
        #expect(input.matchKey == key)
    }
}
