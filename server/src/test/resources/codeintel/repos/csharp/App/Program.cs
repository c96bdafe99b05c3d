using Demo.Lib;

namespace Demo.App
{
    class Program
    {
        static void Main()
        {
            var greeter = new Greeter();
            System.Console.WriteLine(greeter.Greet("x"));
        }
    }
}
