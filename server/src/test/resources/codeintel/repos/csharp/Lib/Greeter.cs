namespace Demo.Lib
{
    /// <summary>Says hello.</summary>
    public class Greeter
    {
        public string Greet(string name) => "hi " + name;
    }
}
