import QuireCore
import Testing

@testable import Quire

/// Numbers and booleans are read by the type YAML gives them: a quoted or `!!str`-tagged scalar is
/// a string and `!!float 3` a float, even where the text spells a whole number.
struct SpecNodeTypeTests {
    func node(_ yaml: String) throws -> SpecNode {
        let origin = YAMLOrigin(yaml: yaml) { SourceLocation(file: "p.md", line: $0, column: $1) }
        return try #require(try SpecNode.parse(yaml, origin: origin))
    }

    func failure(_ read: () throws -> Any) -> String {
        do {
            _ = try read()
            return ""
        } catch { return "\(error)" }
    }

    @Test(arguments: ["!!str 3", "'3'", "\"3\"", "!!float 3", "3.0", "!!bool 3"])
    func anIntegerMustBeAYAMLInt(yaml: String) throws {
        let value = try node(yaml)
        #expect(failure { try value.integer(in: 0...10) }.contains("must be a whole number"))
        #expect(failure { try value.unsigned64() }.contains("must be a whole number"))
    }

    @Test(arguments: ["!!str 0.5", "'0.5'", "!!str 1", "true"])
    func aNumberMustBeAYAMLFloatOrInt(yaml: String) throws {
        let value = try node(yaml)
        #expect(failure { try value.double(in: 0...10) }.contains("must be a number"))
    }

    @Test(arguments: ["!!str true", "'true'", "!!int 1", "1"])
    func aBooleanMustBeAYAMLBool(yaml: String) throws {
        let value = try node(yaml)
        #expect(failure { try value.bool() }.contains("must be true or false"))
    }

    /// What the README writes stays valid: plain ints, decimals, exponents, ints where a number is
    /// asked for, `!!int` and `!!float` tags that agree with the field, and YAML's booleans.
    @Test func plainAndAgreeingTaggedValuesAreRead() throws {
        #expect(try node("30").integer(in: 1...100) == 30)
        #expect(try node("!!int 30").integer(in: 1...100) == 30)
        #expect(try node("20261125").unsigned64() == 20_261_125)
        #expect(try node("0.05").double(in: 0...1) == 0.05)
        #expect(try node("1e-6").double(in: 0...1) == 1e-6)
        #expect(try node("1").double(in: 0...10) == 1)
        #expect(try node("!!float 3").double(in: 0...10) == 3)
        #expect(try node("true").bool() && !(try node("no").bool()))
    }

    /// The message names the type YAML gave the value and where it is.
    @Test func theErrorSaysWhatYAMLReadAndWhere() throws {
        let message = failure { try node("epochs: !!str 3").mapping(allowed: ["epochs"])["epochs"]!.integer(in: 1...10) }
        #expect(message.hasPrefix("p.md:1:9: error: 'epochs' must be a whole number, but YAML reads 3 as a string"), "\(message)")
    }
}
