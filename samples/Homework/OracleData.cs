// Numbers copied from the oracle case files /work/shared/oracle/cases/seed_*.json, which reproduce the
// problem sets with PyTorch 1.13 autograd in float64 (see shared/oracle/SCHEMA.md). They are copied here
// because a clone of this repository has no shared/ folder. Every number is Python's repr of the double,
// so it parses back to the same double. Layouts follow the generated code: a parameter or gradient list is,
// for each dense layer, W as [out][in] row-major and then b; per-sample tensors are row-major [sample][...].

namespace Homework
{
    /// <summary>From <c>seed_activation_jacobians_identity.json</c>: identity; loss none.</summary>
    internal static class JacobianIdentityCase
    {
        /// <summary>The network output per sample.</summary>
        public static readonly double[] Outputs =
        {
            1.0, 2.0, 3.0,
            4.0, 5.0, 6.0,
        };

        /// <summary>d output_k / d input_i per sample: [sample][k][i], one row of the Jacobian per line.</summary>
        public static readonly double[] InputJacobian =
        {
            1.0, 0.0, 0.0,
            0.0, 1.0, 0.0,
            0.0, 0.0, 1.0,
            1.0, 0.0, 0.0,
            0.0, 1.0, 0.0,
            0.0, 0.0, 1.0,
        };
    }

    /// <summary>From <c>seed_activation_jacobians_relu.json</c>: relu; loss none.</summary>
    internal static class JacobianReluCase
    {
        /// <summary>The network output per sample.</summary>
        public static readonly double[] Outputs =
        {
            1.0, 2.0, 3.0,
            4.0, 5.0, 6.0,
        };

        /// <summary>d output_k / d input_i per sample: [sample][k][i], one row of the Jacobian per line.</summary>
        public static readonly double[] InputJacobian =
        {
            1.0, 0.0, 0.0,
            0.0, 1.0, 0.0,
            0.0, 0.0, 1.0,
            1.0, 0.0, 0.0,
            0.0, 1.0, 0.0,
            0.0, 0.0, 1.0,
        };
    }

    /// <summary>From <c>seed_activation_jacobians_sigmoid.json</c>: sigmoid; loss none.</summary>
    internal static class JacobianSigmoidCase
    {
        /// <summary>The network output per sample.</summary>
        public static readonly double[] Outputs =
        {
            0.7310585786300049, 0.8807970779778823, 0.9525741268224334,
            0.9820137900379085, 0.9933071490757153, 0.9975273768433653,
        };

        /// <summary>d output_k / d input_i per sample: [sample][k][i], one row of the Jacobian per line.</summary>
        public static readonly double[] InputJacobian =
        {
            0.19661193324148185, 0.0, 0.0,
            0.0, 0.10499358540350662, 0.0,
            0.0, 0.0, 0.045176659730912,
            0.017662706213291107, 0.0, 0.0,
            0.0, 0.006648056670790033, 0.0,
            0.0, 0.0, 0.002466509291359931,
        };
    }

    /// <summary>From <c>seed_activation_jacobians_tanh.json</c>: tanh; loss none.</summary>
    internal static class JacobianTanhCase
    {
        /// <summary>The network output per sample.</summary>
        public static readonly double[] Outputs =
        {
            0.7615941559557649, 0.9640275800758169, 0.9950547536867305,
            0.999329299739067, 0.9999092042625951, 0.9999877116507956,
        };

        /// <summary>d output_k / d input_i per sample: [sample][k][i], one row of the Jacobian per line.</summary>
        public static readonly double[] InputJacobian =
        {
            0.41997434161402614, 0.0, 0.0,
            0.0, 0.07065082485316443, 0.0,
            0.0, 0.0, 0.009866037165440166,
            0.0013409506830259165, 0.0, 0.0,
            0.0, 0.00018158323094385266, 0.0,
            0.0, 0.0, 2.4576547405302974e-05,
        };
    }

    /// <summary>From <c>seed_activation_jacobians_softmax.json</c>: softmax; loss none.</summary>
    internal static class JacobianSoftmaxCase
    {
        /// <summary>The network output per sample.</summary>
        public static readonly double[] Outputs =
        {
            0.09003057317038045, 0.2447284710547976, 0.6652409557748218,
            0.09003057317038045, 0.2447284710547976, 0.6652409557748218,
        };

        /// <summary>d output_k / d input_i per sample: [sample][k][i], one row of the Jacobian per line.</summary>
        public static readonly double[] InputJacobian =
        {
            0.08192506906499322, -0.02203304452017429, -0.059892024544818914,
            -0.02203304452017429, 0.18483644650997869, -0.16280340198980436,
            -0.059892024544818914, -0.16280340198980436, 0.2226954265346234,
            0.08192506906499322, -0.02203304452017429, -0.059892024544818914,
            -0.02203304452017429, 0.18483644650997869, -0.16280340198980436,
            -0.059892024544818914, -0.16280340198980436, 0.2226954265346234,
        };
    }

    /// <summary>From <c>seed_activation_jacobians_dense.json</c>: dense; loss none.</summary>
    internal static class JacobianDenseCase
    {
        /// <summary>The network output per sample.</summary>
        public static readonly double[] Outputs =
        {
            21.0, 30.0, 48.0,
            66.0,
        };

        /// <summary>d output_k / d input_i per sample: [sample][k][i], one row of the Jacobian per line.</summary>
        public static readonly double[] InputJacobian =
        {
            1.0, 3.0, 5.0,
            2.0, 4.0, 6.0,
            1.0, 3.0, 5.0,
            2.0, 4.0, 6.0,
        };

        /// <summary>dS/dX for S = the sum of every output: [sample][i].</summary>
        public static readonly double[] GradInput =
        {
            3.0, 7.0, 11.0,
            3.0, 7.0, 11.0,
        };

        /// <summary>dS/dtheta for S = the sum of every output, in the layout of Parameters.</summary>
        public static readonly double[] Grads =
        {
            5.0, 7.0, 9.0, 5.0,
            7.0, 9.0, 2.0, 2.0,
        };
    }

    /// <summary>From <c>seed_losses_mse.json</c>: identity; loss mse.</summary>
    internal static class MseLossCase
    {
        /// <summary>The batch loss L.</summary>
        public const double Loss = 0.26499999999999996;

        /// <summary>dL/dX for the batch loss: [sample][i].</summary>
        public static readonly double[] GradInput =
        {
            0.2,
            -0.7,
        };
    }

    /// <summary>From <c>seed_losses_bce.json</c>: identity; loss bce.</summary>
    internal static class BceLossCase
    {
        /// <summary>The batch loss L.</summary>
        public const double Loss = 0.7135581778200729;

        /// <summary>dL/dX for the batch loss: [sample][i].</summary>
        public static readonly double[] GradInput =
        {
            0.6249999999999999,
            -1.6666666666666665,
        };
    }

    /// <summary>From <c>seed_losses_cross_entropy.json</c>: identity; loss cross_entropy.</summary>
    internal static class CrossEntropyLossCase
    {
        /// <summary>The batch loss L.</summary>
        public const double Loss = 0.9830564281864164;

        /// <summary>dL/dX for the batch loss: [sample][i].</summary>
        public static readonly double[] GradInput =
        {
            -2.5, 0.0, 0.0,
            0.0, -0.7142857142857143, 0.0,
        };
    }

    /// <summary>From <c>seed_softmax_ce_gradient.json</c>: identity; loss softmax_cross_entropy.</summary>
    internal static class SoftmaxCrossEntropyCase
    {
        /// <summary>The batch loss L.</summary>
        public const double Loss = 0.6945765689616993;

        /// <summary>dL/dX for the batch loss: [sample][i].</summary>
        public static readonly double[] GradInput =
        {
            0.07473593934940037, -0.13017998746704096, 0.045329638597835176, 0.010114409519805408,
            0.08333333333333333, 0.08333333333333333, 0.08333333333333333, -0.25,
            -0.06103737887664473, 0.0018347157091945588, 0.03685125012057974, 0.022351413046870494,
        };
    }

    /// <summary>From <c>seed_sparse_sigmoid.json</c>: dense, sigmoid, dense, sigmoid; loss sum_squared_error.</summary>
    internal static class SparseSigmoidCase
    {
        /// <summary>The network output per sample.</summary>
        public static readonly double[] Outputs =
        {
            0.578688466122855,
        };

        /// <summary>The batch loss L.</summary>
        public const double Loss = 0.006191874700767693;

        /// <summary>dL/dtheta for the batch loss, in the layout of Parameters.</summary>
        public static readonly double[] Grads =
        {
            0.0008988912442468896, -0.0015409564187089538, 0.0, 0.0,
            0.0, 0.0, 0.0010064221449384806, -0.001829858445342692,
            0.030216702455790213, 0.03644317957062708,
        };
    }

    /// <summary>From <c>seed_residual_scalar.json</c>: dense, relu, dense, add, relu; loss none.</summary>
    internal static class ResidualScalarCase
    {
        /// <summary>The network output per sample.</summary>
        public static readonly double[] Outputs =
        {
            0.62,
        };

        /// <summary>dS/dX for S = the sum of every output: [sample][i].</summary>
        public static readonly double[] GradInput =
        {
            0.94,
        };

        /// <summary>dS/dtheta for S = the sum of every output, in the layout of Parameters.</summary>
        public static readonly double[] Grads =
        {
            -0.2, -0.2, 0.4, 1.0,
        };
    }

    /// <summary>From <c>seed_mlp_regression.json</c>: dense, relu, dense; loss mse.</summary>
    internal static class MlpRegressionCase
    {
        /// <summary>The starting parameters.</summary>
        public static readonly double[] Parameters =
        {
            0.556363, -0.065483, 0.442547, 0.569779,
            -0.608438, 0.18052, 0.118881, 0.362092,
            0.39312, -0.569891, 0.476023, -0.12276,
            0.015901, -0.241956, 0.16476, -0.057584,
            -0.131438, 0.471247, -0.520999, 0.188437,
            -0.193752, 0.328826, -0.024149, 0.691441,
            -0.601735, -0.193233, -0.384637, 0.220347,
            -0.118437, -0.048154, -0.413289, 0.431,
            -0.700407, -0.487453, 0.124895, 0.388292,
            0.319029, -0.206771, -0.469722, -0.382746,
            0.22315, 0.228121, 0.040547, 0.655817,
            0.089019, 0.389624, -0.524321, -0.453997,
            0.148176, 0.359333, -0.493988, 0.440461,
            0.329115, 0.195926, -0.712597, -0.686198,
            0.322328, 0.235517, 0.689495, -0.75435,
            0.770977, 0.125275, -0.090429, 0.301762,
            0.046039, -0.038153,
        };

        /// <summary>The inputs: [sample][i].</summary>
        public static readonly double[] X =
        {
            0.002269, -2.394397, 0.607673, -0.334577, -2.05003,
            -0.961856, -1.4473, -0.119697, -0.36443, 1.806939,
            -0.682197, -1.453069, 0.310094, 0.168548, 1.800463,
            -0.679262, -0.727175, -0.06308, -0.201152, -0.120826,
        };

        /// <summary>The targets: [sample][k].</summary>
        public static readonly double[] Y =
        {
            0.134986, 0.378708, -0.591449,
            -1.16801, -2.071466, 1.150382,
            -0.216273, 0.668511, -0.896752,
            -0.717124, 0.939526, 1.352401,
        };

        /// <summary>The network output per sample.</summary>
        public static readonly double[] Outputs =
        {
            0.5818828804321344, -0.928321966655367, 1.0468008572153802,
            0.0650281025140266, -0.8454046978579763, -0.15866869950584087,
            -0.03411642164532286, -0.5258239649074989, -0.04776331531828062,
            0.10496579836606726, -0.6763843030290939, 0.03219724903902898,
        };

        /// <summary>The batch loss L.</summary>
        public const double Loss = 1.3782886887583556;

        /// <summary>dL/dX for the batch loss: [sample][i].</summary>
        public static readonly double[] GradInput =
        {
            0.016875926777469286, -0.034448292390967764, 0.119870625411638, 0.07562098317483021, -0.14106350284733327,
            0.07069924076101392, 0.022604947236302943, 0.15138137673039442, -0.08707776514037596, 0.06034938432440354,
            -0.018933600719113982, -0.03499047644947174, -0.04347435152501165, 0.06631312209603316, -0.037249909064083334,
            -0.08184787856319006, 0.07802569184721478, -0.07314289141246517, -0.0545244935278503, -0.07431082542384589,
        };

        /// <summary>dL/dtheta for the batch loss, in the layout of Parameters.</summary>
        public static readonly double[] Grads =
        {
            2.8935471200011277e-05, -0.030534599133932746, 0.007749362975109939, -0.004266700373594611,
            -0.02614305157521336, -0.1157038745734461, -0.652994724243911, 0.12336003482808183,
            -0.10827416598291953, -0.47324019321169847, 0.0, 0.0,
            0.0, 0.0, 0.0, -0.19056608444494832,
            -0.21831229953825396, -0.08707995460555087, -0.14070576692451495, 0.27475498218715266,
            0.0, 0.0, 0.0, 0.0,
            0.0, 0.08760178163718636, -0.27340230222175604, 0.16520076585184162,
            0.04898626544972194, -0.5499711071850824, -0.06623250154650878, -0.03330397381139605,
            -0.003415869745876498, -0.012447153161665676, -0.18988270598848375, 0.012752521463204616,
            0.3918376199128345, 0.0, 0.15148053445005075, 0.0,
            0.13731150782187673, 0.134965847875463, 0.1394282332108642, 0.10673778479554905,
            0.0, 0.05614699321229031, 0.0, 0.40510745355922123,
            0.14469463213019318, -0.40778283980903063, -0.3020684377016213, 0.0,
            0.01957639633122106, 0.0, -0.47475686828492863, 0.013049633495164387,
            0.5111207823348825, 0.33573655458881646, 0.0, -0.03213448550520151,
            0.0, 0.17213660563393174, -0.17767040510804064, 0.44736355994448423,
            -0.48186898874165596, -0.02366931809495207,
        };

        /// <summary>The SGD learning rate of the training run.</summary>
        public const double LearningRate = 0.1;

        /// <summary>Full-batch training: the loss before each step.</summary>
        public static readonly double[] LossPerStep =
        {
            1.3782886887583556, 1.1189035570489925, 0.990429038318462, 0.907993878655113,
            0.8549501306750787, 0.81257985995778, 0.778961614378161, 0.75214526545516,
            0.7297570794779373, 0.7082663843306737, 0.6897817501874387, 0.6746372525199149,
            0.6603344645921698, 0.6456996511345796, 0.6324361937481302, 0.620123421964195,
            0.6085239416577578, 0.5974882282344272, 0.5869140550661347, 0.5767275047031367,
        };

        /// <summary>The loss after the last step.</summary>
        public const double FinalLoss = 0.5668731151764578;

        /// <summary>The parameters after the last step.</summary>
        public static readonly double[] ParametersAfter =
        {
            0.5563343612997246, -0.03526157292923567, 0.4348771168300944, 0.5740019398069977,
            -0.5825630794509519, 0.19202381924846426, 0.25442759434532825, 0.3319280092122205,
            0.4137632789264445, -0.46242294134384165, 0.476023, -0.12276,
            0.015901, -0.241956, 0.16476, 0.0028797003842491314,
            -0.054829633399575896, 0.49207842948906205, -0.4837041710406454, 0.09233142405981205,
            -0.193752, 0.328826, -0.024149, 0.691441,
            -0.601735, -0.29149633532485564, -0.29761129376552686, 0.05446128174315472,
            -0.2707101226381322, 0.2021471390924247, -0.38878008436187095, 0.460554328230848,
            -0.7716790845699572, -0.5676086142681221, 0.3736415639485717, 0.37567027224526084,
            0.250507111573987, -0.206771, -0.5227882080649968, -0.382746,
            0.15997916826790878, 0.07137510133692235, 0.0359650176619257, 0.646607769261281,
            0.089019, 0.381095254934759, -0.524321, -0.6676020843274435,
            -0.014340747957032652, 0.41678851391656097, -0.45091447243484656, 0.440461,
            0.3248127875981727, 0.195926, -0.5278706076558672, -0.8540421492909562,
            -0.17822679599949665, 0.03362299715866804, 0.689495, -0.748645098300901,
            0.770977, 0.13707913010352277, 0.20921937058562567, 0.04343128088713853,
            0.41494367477498506, 0.08073243637885766,
        };
    }

    /// <summary>From <c>seed_mlp_classification.json</c>: dense, sigmoid, dense, sigmoid; loss bce.</summary>
    internal static class MlpClassificationCase
    {
        /// <summary>The starting parameters.</summary>
        public static readonly double[] Parameters =
        {
            -0.261096, 0.021354, -0.127699, -0.449131,
            0.703215, -0.156189, -0.432724, -0.465433,
            -0.24855, 0.396536, -0.477063, 0.097369,
            0.614904, -0.06357, 0.418845, -0.27201,
            -0.421959, -0.686881, -0.54181, -0.702409,
            0.425602, 0.652911, 0.224125, -0.388461,
            -0.118615, -0.264413, 0.218374, -0.59641,
            0.675221, 0.269681, -0.258668, -0.344684,
            -0.648447, -0.210703, -0.211476, 0.147884,
            -0.256162, 0.059533, -0.206833, 0.126719,
            -0.227443, 0.291414, 0.481618, 0.028126,
            0.458754, 0.654388, -0.500851, 0.660798,
            -0.542335, 0.335363, -0.605864, -0.035138,
            -0.557568, -0.459385, 0.001308, -0.1013,
            -0.528992, -0.764698, -0.547021, 0.761718,
            -0.687734, -0.644146, -0.72938, 0.049983,
            0.075715, -0.173472,
        };

        /// <summary>The inputs: [sample][i].</summary>
        public static readonly double[] X =
        {
            0.639108, -0.045011, 0.239618, -0.217707, 1.471456,
            -1.390769, 0.425335, -0.60925, -0.356595, -1.572722,
            -1.337123, -0.035806, -0.482964, 1.727829, -0.157057,
            1.957616, 1.292501, 0.276602, 0.025902, -0.318012,
        };

        /// <summary>The targets: [sample][k].</summary>
        public static readonly double[] Y =
        {
            0.0, 0.0, 0.0,
            0.0, 0.0, 1.0,
            0.0, 0.0, 1.0,
            1.0, 1.0, 1.0,
        };

        /// <summary>The network output per sample.</summary>
        public static readonly double[] Outputs =
        {
            0.6444570932484576, 0.3906036994369307, 0.10207525543004103,
            0.6586093414208606, 0.30698573549822417, 0.18093504877398228,
            0.7044788684479246, 0.38581457697620875, 0.13401361121341107,
            0.5335246223390081, 0.3793186553334422, 0.17257879155116548,
        };

        /// <summary>The batch loss L.</summary>
        public const double Loss = 0.9882443220489424;

        /// <summary>dL/dX for the batch loss: [sample][i].</summary>
        public static readonly double[] GradInput =
        {
            -0.008152162459139679, -0.0010289572739609156, 0.0014402372683069153, 0.007997081717317169, 0.006514993420015411,
            -0.017319369221440457, 0.004222946738008552, -0.007791780327332469, 0.0033446136833795194, 0.029399038055896706,
            -0.01566040566228908, 0.0035428197834775675, -0.0007736631550425252, 3.056560415116917e-05, 0.03190317764229401,
            -0.0030761612349640083, 0.00020854330006122874, -0.008343599283225006, -0.0037750533933558522, 0.009669332324233462,
        };

        /// <summary>dL/dtheta for the batch loss, in the layout of Parameters.</summary>
        public static readonly double[] Grads =
        {
            -0.04504432745248897, 0.0065104379781784644, -0.0181007400196245, 0.02499794808085223,
            -0.021134515200011878, -0.0026538554421321296, 0.02099178320222475, -0.007706747967042769,
            0.014235406310840321, -0.028896161538208547, -0.03047108374531441, 0.011869599979358726,
            -0.014651628313491323, 0.021611100335925743, -0.021448403547859284, 0.002527826743784177,
            -0.012434773072156251, 0.004995269493562193, -0.014117872145355422, 0.015538907119626046,
            0.008811610573130619, 0.014632268031526853, -0.0015631042095567735, 0.003759634527779242,
            -0.023526515230212874, -0.031755267594206785, 0.013102080333870595, -0.015331593886166337,
            0.012920629914817815, -0.02398907316410199, 0.016917818044379782, 0.022883637672526724,
            -0.0013980144834538346, 0.008316420486056896, -0.024409067674141516, 0.04224437327743885,
            0.025357248045205574, 0.04048107713724529, -0.01713932685227086, 0.0015915006910587302,
            0.04401124939744402, 0.01394831236412929, 0.0736814113232098, 0.06764411173789815,
            0.07766252730615304, 0.07284969957300022, 0.03826722668138545, 0.08469744946948887,
            0.09242364794325059, 0.030102984180638278, 0.030941334952007238, 0.032533823965575644,
            0.030010696265109733, -0.00590528454571515, 0.035434955296107795, 0.03886664746504483,
            -0.07643947039326315, -0.06609008488781798, -0.0873329023820276, -0.10165413263677714,
            -0.10548562544429635, -0.11160691796133543, -0.11887973365125401, 0.12842249378802092,
            0.03856022227040048, -0.20086644108595003,
        };

        /// <summary>The SGD learning rate of the training run.</summary>
        public const double LearningRate = 0.5;

        /// <summary>Full-batch training: the loss before each step.</summary>
        public static readonly double[] LossPerStep =
        {
            0.9882443220489424, 0.898231693045488, 0.8234157484327599, 0.7617144841663599,
            0.7111057211774766, 0.6696999533781991, 0.6358017764173423, 0.6079467322902924,
            0.5849100198911598, 0.5656927501821188, 0.5494950243796544, 0.5356841216205638,
            0.5237633054654042, 0.5133441049750966, 0.5041230821586016, 0.4958630529243049,
            0.4883782470585318, 0.48152274112637494, 0.4751815128245364, 0.4692635490900545,
        };

        /// <summary>The loss after the last step.</summary>
        public const double FinalLoss = 0.46369654224227014;

        /// <summary>The parameters after the last step.</summary>
        public static readonly double[] ParametersAfter =
        {
            -0.02085897569728893, 0.035777200696653556, -0.04698309586471661, -0.5529694939025375,
            0.7857305928432168, -0.2690481103464195, -0.578057745572587, -0.45859511265210345,
            -0.2922078497902995, 0.5912540259515023, -0.3805231302862532, 0.049265662145488866,
            0.6648291172343973, -0.14571149568355596, 0.5152997959087401, -0.38386796137646245,
            -0.33333657674230827, -0.7565479014684559, -0.3553091323388981, -0.8627008259782585,
            0.24738233220613862, 0.5403114568464361, 0.19726235707292342, -0.3853097162192908,
            0.003834566295418283, -0.117527245360593, 0.1923252629213796, -0.536233614290265,
            0.6139253019036429, 0.36052735144319586, -0.5344686294798439, -0.5191250725325746,
            -0.6901996837413862, -0.19171347295302196, -0.05669437328907797, 0.0226178324864705,
            -0.28951677951844446, -0.06077260465280995, -0.04952991278177544, 0.16808032082254692,
            -0.35518335997573924, 0.3082557921195731, 0.2069135672442766, -0.33208940038237644,
            0.12259198305889271, 0.26860005648877755, -0.5072301286653768, 0.2856885363350692,
            -1.055345803737289, 0.2177623574410063, -0.8204154799065423, -0.2006499629197406,
            -0.752550146408298, -0.30156631266807127, -0.17824786880077323, -0.3874040360568044,
            -0.3053206657105558, -0.5496911153729601, -0.23402228636519729, 1.3346222291823735,
            -0.19958083902101623, -0.1311832249103783, -0.16993979423503516, -0.4340792334983874,
            -0.049089799960916496, 0.7796747164142762,
        };
    }
}
