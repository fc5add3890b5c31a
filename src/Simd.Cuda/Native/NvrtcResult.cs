namespace Simd.Cuda.Native;

/// <summary>The <c>nvrtcResult</c> codes of the NVRTC run-time compiler (nvrtc.h), with their documented values.</summary>
public enum NvrtcResult
{
    /// <summary>NVRTC_SUCCESS.</summary>
    Success = 0,

    /// <summary>NVRTC_ERROR_OUT_OF_MEMORY.</summary>
    OutOfMemory = 1,

    /// <summary>NVRTC_ERROR_PROGRAM_CREATION_FAILURE.</summary>
    ProgramCreationFailure = 2,

    /// <summary>NVRTC_ERROR_INVALID_INPUT.</summary>
    InvalidInput = 3,

    /// <summary>NVRTC_ERROR_INVALID_PROGRAM.</summary>
    InvalidProgram = 4,

    /// <summary>NVRTC_ERROR_INVALID_OPTION: an option passed to the compiler is not recognised.</summary>
    InvalidOption = 5,

    /// <summary>NVRTC_ERROR_COMPILATION: the source did not compile; the program log says why.</summary>
    Compilation = 6,

    /// <summary>NVRTC_ERROR_BUILTIN_OPERATION_FAILURE.</summary>
    BuiltinOperationFailure = 7,

    /// <summary>NVRTC_ERROR_NO_NAME_EXPRESSIONS_AFTER_COMPILATION.</summary>
    NoNameExpressionsAfterCompilation = 8,

    /// <summary>NVRTC_ERROR_NO_LOWERED_NAMES_BEFORE_COMPILATION.</summary>
    NoLoweredNamesBeforeCompilation = 9,

    /// <summary>NVRTC_ERROR_NAME_EXPRESSION_NOT_VALID.</summary>
    NameExpressionNotValid = 10,

    /// <summary>NVRTC_ERROR_INTERNAL_ERROR.</summary>
    InternalError = 11,
}
