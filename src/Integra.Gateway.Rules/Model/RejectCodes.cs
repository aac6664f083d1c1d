namespace Integra.Gateway.Rules.Model;

/// <summary>Reject, pending and cancel codes of SPEC §4–§5.</summary>
public static class RejectCodes
{
    public const string Unreadable = "F01";
    public const string MissingColumns = "F02";
    public const string UnknownFileKind = "F03";
    public const string TooLarge = "F04";
    public const string NoRequests = "F05";

    public const string MissingField = "R01";
    public const string BadFormat = "R02";
    public const string RowsDisagree = "R03";
    public const string WrongCcna = "R04";
    public const string NoAuthorization = "R10";
    public const string LoaMissing = "R11";
    public const string TnNotIntegra = "R20";
    public const string QwestResale = "R21";
    public const string TnNotWorking = "R22";
    public const string TnOtherAccount = "R23";
    public const string ZipMismatch = "R24";
    public const string PasscodeMismatch = "R25";
    public const string TnHeldByOpenOrder = "R26";
    public const string DueDateTooFar = "R30";
    public const string PartialNotIdentified = "R40";
    public const string BadDisconnect = "R41";
    public const string UnclearDisconnect = "R42";
    public const string EmailNotAccepted = "R50";
    public const string BadRequestType = "R51";
    public const string NoPriorVersion = "R60";
    public const string TooManySupplements = "R61";
    public const string NewLsrRequired = "R62";
    public const string OtherAccount = "R63";
    public const string VersionConflict = "R70";

    public const string ExpediteReview = "X01";
    public const string CanceledBySupplement = "C01";
    public const string LeftOutBySupplement = "C02";
    public const string Expired = "E01";
}
