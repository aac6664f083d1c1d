namespace Integra.Gateway.Rules.Model;

/// <summary>
/// One code of SPEC §4–§5 as the reject resolution guide explains it: what it means, the usual cause, how to fix
/// it, and an example response row (the columns of SPEC §5 from RESPTYP to MESSAGE).
/// </summary>
public sealed record RejectCodeEntry(string Code, string RespType, string Rule, string Meaning, string Cause, string Fix, string Example);

/// <summary>
/// The reject resolution guide's table: one entry for every code in <see cref="RejectCodes"/> (a test holds the two
/// together), in the order of SPEC §5. The portal's guide page and CSV are generated from it.
/// </summary>
public static class RejectCodeGuide
{
    public static IReadOnlyList<RejectCodeEntry> Entries { get; } =
    [
        new(RejectCodes.Unreadable, "REJ", "§2", "The file could not be read.", "Not UTF-8 (saved as Latin-1 or Excel's own format), or broken CSV quoting.", "Save the file as CSV UTF-8 with one header row and send it again.", "REJ,,,,,,,,,F01,,file is not valid UTF-8 CSV"),
        new(RejectCodes.MissingColumns, "REJ", "§2", "Required columns are missing from the header row.", "A column was deleted or renamed in the spreadsheet.", "Start from the LSR form CSV template; FIELD lists the missing columns.", "REJ,,,,,,,,,F02,DDD;AGAUTH,missing required columns"),
        new(RejectCodes.UnknownFileKind, "REJ", "§2", "The file name does not say what it is.", "The name does not end in .lsr.csv or .csr.csv.", "Rename the file to end in .lsr.csv (LSRs) or .csr.csv (CSR requests).", "REJ,,,,,,,,,F03,,unknown file kind"),
        new(RejectCodes.TooLarge, "REJ", "§2", "The file is over the size or row limit.", "More than 10 MiB or 50,000 rows in one file.", "Split the batch into several files.", "REJ,,,,,,,,,F04,,file over 50000 rows"),
        new(RejectCodes.NoRequests, "REJ", "§2", "The file holds no request.", "Only a header row, or only blank rows.", "Add the request rows, or do not send the file.", "REJ,,,,,,,,,F05,,no requests in file"),
        new(RejectCodes.MissingField, "REJ", "L1", "A required field is blank.", "A column was left empty (which fields are required depends on simple or non-simple).", "Fill in the field named in FIELD and send a new VER.", "REJ,BRG,PON1001,1,,4065550100,,,,R01,DDD,DDD is required"),
        new(RejectCodes.BadFormat, "REJ", "L1", "A field is not in its format.", "A date not as YYYY-MM-DD, a TN with too few digits, a ZIP with letters.", "Correct the field named in FIELD to the format of SPEC §2.1.", "REJ,BRG,PON1001,1,,4065550100,,,,R02,DDD,DDD must be YYYY-MM-DD"),
        new(RejectCodes.RowsDisagree, "REJ", "L16", "The rows of one request disagree on a request-level field.", "One TN row of the PON has a different DDD, AN or REQTYP than the others.", "Make the request-level columns the same on every row of the PON.", "REJ,BRG,PON1001,1,,4065550100,,,,R03,DDD,rows of the request disagree on DDD"),
        new(RejectCodes.WrongCcna, "REJ", "L15", "The CCNA is not yours.", "A file sent through another company's drop or with another CCNA.", "Send your own requests with your CCNA through your own drop.", "REJ,XYZ,PON1001,1,,4065550100,,,,R04,CCNA,CCNA is not the partner's CCNA"),
        new(RejectCodes.NoAuthorization, "REJ", "L2, C1", "The end user's authorization is not stated.", "AGAUTH is blank or N.", "Obtain the end user's authorization and send AGAUTH=Y.", "REJ,BRG,PON1001,1,,4065550100,,,,R10,AGAUTH,AGAUTH must be Y"),
        new(RejectCodes.LoaMissing, "REJ", "C2", "An agent's CSR request has no letter of authorization.", "The LOA file is missing, empty, or not a PDF, TIFF, PNG or JPEG.", "Attach the signed LOA (PDF or image) and request the CSR again.", "REJ,PRT,,,,4065550100,,,,R11,LOA,letter of authorization missing"),
        new(RejectCodes.TnNotIntegra, "REJ", "L4, L7", "The TN is not an Integra number.", "A typo in the TN, or the number was ported away or belongs to another carrier.", "Check the TN against the end user's bill; request it from its current carrier.", "REJ,BRG,PON1001,1,,4065550100,4065550199,,,R20,TN,TN is not an Integra number"),
        new(RejectCodes.QwestResale, "REJ", "L6", "The TN is Qwest resale.", "The end user's service is resold Qwest service.", "Obtain the CSR and send the LSR to Qwest.", "REJ,BRG,PON1001,1,,4065550100,4065550100,,,R21,TN,Qwest resale: obtain CSR/LSR from Qwest"),
        new(RejectCodes.TnNotWorking, "REJ", "L5, C3", "The TN (or every TN of the account) is not working.", "The number was disconnected or is not yet in service.", "Port only working TNs; check the CSR for the account's working TNs.", "REJ,BRG,PON1001,1,,4065550100,4065550101,,,R22,TN,TN is not working"),
        new(RejectCodes.TnOtherAccount, "REJ", "L4", "The TN belongs to another account.", "The AN and the TN come from two different bills.", "Send one request per account, with the AN of the TN's own account.", "REJ,BRG,PON1001,1,,4065550100,4065550300,,,R23,TN,TN is on another account"),
        new(RejectCodes.ZipMismatch, "REJ", "L17", "The ZIP is not the account's.", "The end user's mailing ZIP instead of the service address ZIP.", "Use the service address ZIP from the CSR.", "REJ,BRG,PON1001,1,,4065550100,,,,R24,ZIP,ZIP is not the account's ZIP"),
        new(RejectCodes.PasscodeMismatch, "REJ", "L18", "The account passcode is missing or wrong.", "The end user set a passcode on the account and the request does not carry it.", "Ask the end user for the account passcode and send it in PASSCODE.", "REJ,BRG,PON1001,1,,4065550100,,,,R25,PASSCODE,passcode missing or different"),
        new(RejectCodes.DueDateTooFar, "REJ", "L10", "The desired due date is too far out.", "DDD more than 30 calendar days after the received date.", "Ask for a DDD within 30 days, and send a SUP 2 later if the date moves.", "REJ,BRG,PON1001,1,,4065550100,,,,R30,DDD,DDD more than 30 days out"),
        new(RejectCodes.PartialNotIdentified, "REJ", "L8", "A non-simple port leaves working TNs without saying what happens to them.", "Some TNs of the account are neither ported nor disconnected and no partial port is declared.", "Port them, disconnect them (REMARKS: DISC 406-555-0101), or declare a partial port (MI=A, or KEEP 406-555-0101).", "REJ,BRG,PON1001,1,,4065550100,,,,R40,REMARKS,partial port not identified"),
        new(RejectCodes.BadDisconnect, "REJ", "L9", "A TN to disconnect is not a working TN of the account, or is also ported.", "A typo in the REMARKS disconnect clause, or the same TN ported and disconnected.", "List in DISC only working TNs of the account that are not ported.", "REJ,BRG,PON1001,1,,4065550100,4065550102,,,R41,REMARKS,disconnect TN is not a working TN of the account"),
        new(RejectCodes.EmailNotAccepted, "REJ", "L14", "E-mailed requests are accepted for Montana only.", "A request for a service outside Montana sent by e-mail.", "Send it through the portal or your SFTP drop.", "REJ,BRG,PON1001,1,,4065550100,,,,R50,,e-mailed requests are accepted for Montana only"),
        new(RejectCodes.BadRequestType, "REJ", "L3", "This desk takes port-outs only.", "REQTYP other than CB or BB, or ACT other than V.", "Send REQTYP CB (or BB to re-use the analog loop) with ACT V.", "REJ,BRG,PON1001,1,,4065550100,,,,R51,REQTYP,this desk takes port-outs: CB, or BB with V"),
        new(RejectCodes.NoPriorVersion, "REJ", "S1", "A supplement for a PON that has no earlier version.", "SUP set on the first version, or a typo in the PON.", "Send the first version without SUP, or correct the PON.", "REJ,BRG,PON1001,2,,4065550100,,,,R60,SUP,no prior version of this PON"),
        new(RejectCodes.TooManySupplements, "REJ/CAN", "S5", "Too many supplements asked for a new due date; the order is closed.", "More than 3 date changes on one PON.", "Send a new LSR with a new PON.", "REJ,BRG,PON1001,5,L000123,4065550100,,,,R61,DDD,too many due date supplements: order closed"),
        new(RejectCodes.NewLsrRequired, "REJ", "S2", "The order is no longer open; a supplement cannot change it.", "The order was canceled, expired, completed or closed.", "Send a new LSR with a new PON.", "REJ,BRG,PON1001,3,L000123,4065550100,,,,R62,SUP,order is closed: a new LSR is required"),
        new(RejectCodes.VersionConflict, "REJ", "S8", "This PON and VER were already received with other content, or the VER is lower.", "A corrected file sent again under the same VER.", "Send the correction as the next VER.", "REJ,BRG,PON1001,1,,4065550100,,,,R70,VER,VER already received with different content"),
        new(RejectCodes.ExpediteReview, "PND", "L11", "The expedite request waits for the desk's review.", "DDD before the standard due date with EXP filled in.", "Nothing: the desk approves or denies, and the FOC follows.", "PND,BRG,PON1001,1,L000123,4065550100,,,,X01,DDD,awaiting expedite review"),
        new(RejectCodes.CanceledBySupplement, "CAN", "S3", "Canceled by your SUP 1.", "You sent SUP 1 for this PON.", "Nothing; send a new LSR to port later.", "CAN,BRG,PON1001,2,L000123,4065550100,4065550100,P,,C01,,canceled by SUP 1"),
        new(RejectCodes.Expired, "CAN", "Expiry", "The port expired: not activated within 4 business days of the FOC date.", "The new provider did not activate the TNs in NPAC in time.", "Send a new LSR.", "CAN,BRG,PON1001,1,L000123,4065550100,4065550100,P,,E01,,expired after FOC + 4 business days"),
    ];

    public static RejectCodeEntry? Find(string code) => Entries.FirstOrDefault(e => e.Code == code);
}
