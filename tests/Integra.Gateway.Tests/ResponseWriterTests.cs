using Integra.Gateway.Responses;

namespace Integra.Gateway.Tests;

public class ResponseWriterTests
{
    [Fact]
    public void Header_is_the_contracts_in_order_and_cells_are_neutralised()
    {
        using var temp = new TempDir();
        var path = temp.File("x.lsr.resp.csv");
        ResponseWriter.WriteFile(path, [new ResponseRow { RespTyp = Responses.ResponseType.Reject, Pon = "P-1", Tn = "=1+1", Message = "+cmd", Field = "-x", Customer = "@me", Address = "a, b" }]);
        var lines = File.ReadAllLines(path);
        Assert.Equal("RESPTYP,CCNA,PON,VER,LSRNO,AN,TN,LNA,DD,CODE,FIELD,MESSAGE,CUSTOMER,ADDRESS,SERVICES,CONTACT", lines[0]);
        Assert.Equal("REJ,,P-1,,,,'=1+1,,,,'-x,'+cmd,'@me,\"a, b\",,", lines[1]);
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Response_names_follow_the_request_file() =>
        Assert.Equal("batch7.lsr.resp.csv", Intake.FileKinds.ResponseName("batch7.lsr.csv"));
}
